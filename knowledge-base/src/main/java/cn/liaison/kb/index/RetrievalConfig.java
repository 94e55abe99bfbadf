package cn.liaison.kb.index;

import cn.liaison.kb.text.AnalyzerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How retrieval scores and decides. A variant name lists the analysers and optionally {@code bge}
 * (hybrid with the bge-small-zh embeddings), joined by '+': {@code bigram}, {@code hanlp+bge},
 * {@code smartcn+bigram+bge}.
 */
public record RetrievalConfig(
        String name,
        List<AnalyzerKind> analyzers,
        boolean embeddings,
        Weights weights,
        Thresholds thresholds) {

    /** The variant that measured best on the dev set (see README, "Evaluation"). */
    public static final String DEFAULT_VARIANT = "smartcn+bigram+bge";

    /**
     * How an owner's score is made, all in [0, 1].
     *
     * @param embedding    share of the question-variant cosine in a variant's score (the rest is lexical)
     * @param floor        cosine at or below which an embedding similarity counts as 0
     * @param bodyLexical  how much the answer text's coverage of the question lifts an entry
     * @param bodyVector   share of the cosine between the question and the entry's answer text
     * @param centroid     share of the cosine between the question and the mean of the entry's questions
     * @param forwardKeyword score a department gets at least when one of its keywords appears in the question
     */
    public record Weights(double embedding, double floor, double bodyLexical, double bodyVector, double centroid,
            double forwardKeyword) {
        public Weights {
            unit(embedding, "embedding");
            unit(floor, "floor");
            unit(bodyLexical, "bodyLexical");
            unit(bodyVector, "bodyVector");
            unit(centroid, "centroid");
            unit(forwardKeyword, "forwardKeyword");
            if (floor == 1) {
                throw new IllegalArgumentException("floor must be below 1");
            }
        }

        /** Without embeddings every embedding share is 0. */
        Weights lexicalOnly() {
            return new Weights(0, floor, bodyLexical, 0, 0, forwardKeyword);
        }

        Weights embeddingOnly() {
            return new Weights(1, floor, 0, bodyVector, centroid, forwardKeyword);
        }
    }

    /**
     * How a score becomes a decision.
     *
     * @param answer        confidence from which the best entry is given as the answer
     * @param suggest       confidence from which "did you mean" questions are offered
     * @param forward       score from which a forward rule may name another department
     * @param marginTarget  a lead over the best entry of another topic below which confidence drops
     * @param marginPenalty how much confidence drops per unit of missing lead
     * @param forwardLead   a question without a 人防 anchor word goes to a department that scores at
     *                      least the best entry's score minus this lead (with an anchor it must beat it)
     * @param unanchoredPenalty confidence taken off when the question carries no 人防 anchor word
     * @param hotlineAnswer confidence from which the hotline reads an answer out (stricter than chat)
     */
    public record Thresholds(double answer, double suggest, double forward, double marginTarget, double marginPenalty,
            double forwardLead, double unanchoredPenalty, double hotlineAnswer) {
        public Thresholds {
            unit(forwardLead, "forwardLead");
            unit(unanchoredPenalty, "unanchoredPenalty");
            unit(hotlineAnswer, "hotlineAnswer");
            if (hotlineAnswer < answer) {
                throw new IllegalArgumentException("the hotline threshold must not be below the answer threshold");
            }
            unit(answer, "answer");
            unit(suggest, "suggest");
            unit(forward, "forward");
            unit(marginTarget, "marginTarget");
            if (!(marginPenalty >= 0 && marginPenalty <= 10)) {
                throw new IllegalArgumentException("marginPenalty must be in [0, 10]: " + marginPenalty);
            }
            if (suggest > answer) {
                throw new IllegalArgumentException("the suggest threshold must not exceed the answer threshold");
            }
        }
    }

    // Chosen on the dev set as a whole, on a plateau rather than at a single best point (README, "Tuning").
    static final Weights TUNED_WEIGHTS = new Weights(0.6, 0.3, 0.0, 0.2, 0.3, 0.5);
    // Answer 0.45: precision 0.961 on the dev set (196 of 204 answers right); hotline 0.52: 0.988
    // (166 of 168); suggest 0.30. Measured with one query vector (README, "Calibrated confidence");
    // ThresholdPrecisionTest pins them.
    static final Thresholds TUNED_THRESHOLDS = new Thresholds(0.45, 0.30, 0.5, 0.1, 1.0, 0.1, 0.03, 0.52);

    public RetrievalConfig {
        Objects.requireNonNull(name, "name");
        analyzers = List.copyOf(analyzers);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(thresholds, "thresholds");
        if (analyzers.isEmpty() && !embeddings) {
            throw new IllegalArgumentException("a variant needs an analyser or embeddings");
        }
        if (!embeddings) {
            weights = weights.lexicalOnly();
        } else if (analyzers.isEmpty()) {
            weights = weights.embeddingOnly();
        }
    }

    private static void unit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }

    public static RetrievalConfig defaults() {
        return variant(DEFAULT_VARIANT);
    }

    /** The named variant with the tuned weights and thresholds. */
    public static RetrievalConfig variant(String name) {
        List<AnalyzerKind> kinds = new ArrayList<>();
        boolean bge = false;
        for (String part : name.split("\\+")) {
            if (part.equals("bge")) {
                bge = true;
            } else {
                kinds.add(AnalyzerKind.fromCode(part).orElseThrow(() -> new IllegalArgumentException(
                        "unknown analyser '" + part + "' (expected smartcn, hanlp, bigram or bge, joined by +)")));
            }
        }
        return new RetrievalConfig(name, kinds, bge, TUNED_WEIGHTS, TUNED_THRESHOLDS);
    }

    public RetrievalConfig withThresholds(double answer, double suggest) {
        return new RetrievalConfig(name, analyzers, embeddings, weights, new Thresholds(answer, suggest,
                thresholds.forward(), thresholds.marginTarget(), thresholds.marginPenalty(), thresholds.forwardLead(),
                thresholds.unanchoredPenalty(), Math.max(answer, thresholds.hotlineAnswer())));
    }

    public RetrievalConfig withWeights(Weights next) {
        return new RetrievalConfig(name, analyzers, embeddings, next, thresholds);
    }

    public RetrievalConfig withThresholds(Thresholds next) {
        return new RetrievalConfig(name, analyzers, embeddings, weights, next);
    }

    public double answerThreshold() {
        return thresholds.answer();
    }

    public double suggestThreshold() {
        return thresholds.suggest();
    }

    /** Confidence in the best entry from its score and its lead over the best entry of another topic. */
    public double confidence(double best, double otherTopic) {
        double missing = Math.max(0, thresholds.marginTarget() - (best - otherTopic));
        return Math.max(0, Math.min(1, best - thresholds.marginPenalty() * missing));
    }
}
