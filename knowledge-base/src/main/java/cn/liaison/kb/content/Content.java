package cn.liaison.kb.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything under a content folder, loaded and validated. */
public record Content(
        List<Topic> topics,
        List<Entry> entries,
        ForwardRules forward,
        Synonyms synonyms,
        List<String> dictionary) {

    public Content {
        topics = List.copyOf(topics);
        entries = List.copyOf(entries);
        forward = forward == null ? ForwardRules.NONE : forward;
        synonyms = synonyms == null ? Synonyms.NONE : synonyms;
        dictionary = List.copyOf(dictionary);
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Map<String, Topic> topicsById() {
        return topics.stream().collect(Collectors.toMap(Topic::id, Function.identity()));
    }
}
