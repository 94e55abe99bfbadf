package cn.liaison.kb.eval;

import java.util.Objects;

/**
 * One labelled question; {@code topic} is null for a question that is not ours; {@code kind} (may
 * be null) says how it is asked (colloquial, typo, pinyin, hotline, not-ours-near …) for per-kind figures.
 */
public record EvalCase(String question, String topic, String kind) {
    public EvalCase(String question, String topic) {
        this(question, topic, null);
    }

    public EvalCase {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        if (topic != null && topic.isBlank()) {
            throw new IllegalArgumentException("topic must be null or a topic id");
        }
    }

    public boolean inScope() {
        return topic != null;
    }
}
