package cn.liaison.kb.content;

import cn.liaison.kb.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything under a content folder, loaded and validated; {@code scenarios} are the 一件事 packages' definitions. */
public record Content(
        List<Topic> topics,
        List<Entry> entries,
        ForwardRules forward,
        Synonyms synonyms,
        List<String> dictionary,
        List<Scenario> scenarios) {

    /** Content without scenarios. */
    public Content(List<Topic> topics, List<Entry> entries, ForwardRules forward, Synonyms synonyms,
            List<String> dictionary) {
        this(topics, entries, forward, synonyms, dictionary, List.of());
    }

    public Content {
        topics = List.copyOf(topics);
        entries = List.copyOf(entries);
        forward = forward == null ? ForwardRules.NONE : forward;
        synonyms = synonyms == null ? Synonyms.NONE : synonyms;
        dictionary = List.copyOf(dictionary);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Map<String, Topic> topicsById() {
        return topics.stream().collect(Collectors.toMap(Topic::id, Function.identity()));
    }
}
