package cn.liaison.kb.eval;

import cn.liaison.kb.index.Decision;
import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a labelled set through an index once and computes summaries for any answer threshold
 * (the ranking and the forward decision do not depend on it), so thresholds can be tuned on the
 * whole set without re-searching.
 */
public final class Evaluator {
    /** What one question produced, independent of the answer threshold. */
    public record Observation(EvalCase evalCase, SearchOutcome outcome, List<List<String>> topics) {
        public Observation {
            topics = List.copyOf(topics);
        }

        public boolean answeredAt(double threshold) {
            return outcome.decision() != Decision.FORWARDED && !topics.isEmpty() && outcome.confidence() >= threshold;
        }

        public boolean firstCarries() {
            return !topics.isEmpty() && topics.get(0).contains(evalCase.topic());
        }

        public boolean top3Carries() {
            return topics.stream().limit(3).anyMatch(t -> t.contains(evalCase.topic()));
        }
    }

    private Evaluator() {
    }

    public static List<Observation> observe(KbIndex index, List<EvalCase> cases) {
        List<Observation> observations = new ArrayList<>();
        for (EvalCase evalCase : cases) {
            SearchOutcome outcome = index.search(evalCase.question());
            List<List<String>> topics = outcome.hits().stream().map(Hit::entry).map(e -> e.topics()).toList();
            observations.add(new Observation(evalCase, outcome, topics));
        }
        return observations;
    }

    public static EvalSummary summarize(List<Observation> observations, RetrievalConfig config) {
        double threshold = config.answerThreshold();
        int inScope = 0;
        int top1 = 0;
        int top3 = 0;
        int outOfScope = 0;
        int abstained = 0;
        int wrong = 0;
        int answered = 0;
        for (Observation o : observations) {
            boolean isAnswered = o.answeredAt(threshold);
            if (o.evalCase().inScope()) {
                inScope++;
                answered += isAnswered ? 1 : 0;
                top1 += isAnswered && o.firstCarries() ? 1 : 0;
                top3 += o.top3Carries() ? 1 : 0;
                wrong += isAnswered && !o.firstCarries() ? 1 : 0;
            } else {
                outOfScope++;
                abstained += isAnswered ? 0 : 1;
                wrong += isAnswered ? 1 : 0;
            }
        }
        int n = observations.size();
        return new EvalSummary(config.name(), n, inScope, outOfScope, share(top1, inScope), share(top3, inScope),
                share(abstained, outOfScope), share(wrong, n), share(answered, inScope), threshold,
                config.suggestThreshold());
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
