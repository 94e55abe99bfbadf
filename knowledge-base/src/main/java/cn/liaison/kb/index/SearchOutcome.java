package cn.liaison.kb.index;

import cn.liaison.kb.content.ForwardRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What retrieval decided for one question.
 *
 * @param decision    answered, suggested, forwarded or abstained
 * @param confidence  calibrated confidence in the first hit, in [0, 1]
 * @param hits        best first, at most five, present even when not answered
 * @param suggestions "did you mean" questions (at most three) when not answered but close
 * @param forward     the department that owns the matter, when the question is not ours
 */
public record SearchOutcome(
        String question,
        Decision decision,
        double confidence,
        List<Hit> hits,
        List<String> suggestions,
        ForwardRule forward) {

    public SearchOutcome {
        Objects.requireNonNull(question, "question");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(decision, "decision");
        if (decision == Decision.ANSWERED && (hits.isEmpty() || forward != null)) {
            throw new IllegalArgumentException("an answered outcome has a hit and no forward");
        }
        if (decision == Decision.FORWARDED && forward == null) {
            throw new IllegalArgumentException("a forwarded outcome names the department");
        }
        if (decision == Decision.SUGGESTED && suggestions.isEmpty()) {
            throw new IllegalArgumentException("a suggested outcome has suggestions");
        }
    }

    /** The first hit is confident enough to be given as the answer. */
    public boolean answered() {
        return decision == Decision.ANSWERED;
    }

    public Optional<Hit> best() {
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    public Optional<ForwardRule> forwardRule() {
        return Optional.ofNullable(forward);
    }
}
