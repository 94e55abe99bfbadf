package cn.liaison.kb.eval;

import java.util.Objects;

/** One labelled question; {@code topic} is null for a question that is not ours. */
public record EvalCase(String question, String topic) {
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
