package cn.liaison.kb.eval;

import cn.liaison.kb.index.RetrievalConfig;
import java.util.List;

/**
 * Chooses the answer threshold on a whole labelled set: the threshold with the best top1 among
 * those keeping wrongConfident ≤ 0.03 and oosAbstain ≥ 0.90 (ties go to the higher, safer
 * threshold); without any such threshold, the one with the fewest confident errors.
 * The suggest threshold sits a fixed {@link #SUGGEST_GAP} below it.
 */
public final class Tuner {
    public static final double SUGGEST_GAP = 0.15;
    private static final double MAX_WRONG = 0.03;
    private static final double MIN_ABSTAIN = 0.90;

    private Tuner() {
    }

    public static EvalSummary tune(List<Evaluator.Observation> observations, RetrievalConfig config) {
        EvalSummary best = null;
        EvalSummary safest = null;
        for (int step = 100; step >= 0; step--) {
            RetrievalConfig candidate = at(config, step / 100.0);
            EvalSummary summary = Evaluator.summarize(observations, candidate);
            boolean feasible = summary.wrongConfident() <= MAX_WRONG && summary.oosAbstain() >= MIN_ABSTAIN;
            if (feasible && (best == null || summary.top1() > best.top1())) {
                best = summary;
            }
            if (safest == null || summary.wrongConfident() < safest.wrongConfident()) {
                safest = summary;
            }
        }
        return best != null ? best : safest;
    }

    public static RetrievalConfig at(RetrievalConfig config, double answerThreshold) {
        return config.withThresholds(answerThreshold, Math.max(0, answerThreshold - SUGGEST_GAP));
    }
}
