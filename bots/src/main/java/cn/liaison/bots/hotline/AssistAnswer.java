package cn.liaison.bots.hotline;

import java.util.List;
import java.util.Objects;

/**
 * One answer offered to the agent.
 *
 * @param confidence how sure retrieval is that this entry answers the question, in [0, 1]
 * @param spoken     a short version to read aloud: plain sentences, numbers as they are said
 * @param notice     the full written answer (for service items the one-time notice, 一次性告知)
 * @param sources    titles of what the answer rests on
 */
public record AssistAnswer(String entryId, String title, List<String> topics, double confidence, String spoken,
                           String notice, List<String> sources) {
    public AssistAnswer {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(spoken, "spoken");
        Objects.requireNonNull(notice, "notice");
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]");
        }
    }
}
