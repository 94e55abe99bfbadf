package cn.liaison.kb.index;

import cn.liaison.kb.text.AnalyzerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How retrieval scores and decides. A variant name lists the analysers and optionally {@code bge}
 * (hybrid with embeddings), joined by '+': {@code bigram}, {@code hanlp+bge}, {@code hanlp+bigram+bge}.
 *
 * @param embeddingWeight share of the embedding similarity in a variant's score (0 without bge)
 * @param embeddingFloor  cosine at or below which the embedding similarity counts as 0
 * @param bodyWeight      how much the answer text's coverage of the question adds to an entry's score
 * @param answerThreshold confidence from which the best entry is given as the answer
 * @param suggestThreshold confidence from which "did you mean" questions are offered
 * @param forwardThreshold score from which a forward rule may name another department
 * @param marginTarget    a lead over the best entry of another topic below which confidence drops
 * @param marginPenalty   how much confidence drops per unit of lead missing
 */
public record RetrievalConfig(
        String name,
        List<AnalyzerKind> analyzers,
        boolean embeddings,
        double embeddingWeight,
        double embeddingFloor,
        double bodyWeight,
        double answerThreshold,
        double suggestThreshold,
        double forwardThreshold,
        double marginTarget,
        double marginPenalty) {

    /** The variant that measured best on the dev set (see README). */
    public static final String DEFAULT_VARIANT = "smartcn+hanlp+bigram+bge";

    // Chosen on the dev set as a whole (README, "Tuning"); thresholds are for the default variant.
    static final double EMBEDDING_WEIGHT = 0.8;
    static final double EMBEDDING_FLOOR = 0.3;
    static final double ANSWER_THRESHOLD = 0.53;
    static final double SUGGEST_THRESHOLD = 0.38;
    static final double FORWARD_THRESHOLD = 0.5;
    static final double MARGIN_TARGET = 0.1;
    static final double MARGIN_PENALTY = 1.0;

    public RetrievalConfig {
        Objects.requireNonNull(name, "name");
        analyzers = List.copyOf(analyzers);
        if (analyzers.isEmpty() && !embeddings) {
            throw new IllegalArgumentException("a variant needs an analyser or embeddings");
        }
        unit(embeddingWeight, "embeddingWeight");
        unit(embeddingFloor, "embeddingFloor");
        unit(bodyWeight, "bodyWeight");
        unit(answerThreshold, "answerThreshold");
        unit(suggestThreshold, "suggestThreshold");
        unit(forwardThreshold, "forwardThreshold");
        unit(marginTarget, "marginTarget");
        unit(marginPenalty, "marginPenalty");
        if (suggestThreshold > answerThreshold) {
            throw new IllegalArgumentException("suggestThreshold must not exceed answerThreshold");
        }
        if (!embeddings) {
            embeddingWeight = 0;
        } else if (analyzers.isEmpty()) {
            embeddingWeight = 1;
        }
    }

    private static void unit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }

    /** Confidence in the best entry from its score and its lead over the best entry of another topic. */
    public double confidence(double best, double otherTopic) {
        double missing = Math.max(0, marginTarget - (best - otherTopic));
        return Math.max(0, Math.min(1, best - marginPenalty * missing));
    }

    public static RetrievalConfig defaults() {
        return variant(DEFAULT_VARIANT);
    }

    /** The named variant with the tuned defaults. */
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
        return new RetrievalConfig(name, kinds, bge, EMBEDDING_WEIGHT, EMBEDDING_FLOOR, 0.0, ANSWER_THRESHOLD,
                SUGGEST_THRESHOLD, FORWARD_THRESHOLD, MARGIN_TARGET, MARGIN_PENALTY);
    }

    public RetrievalConfig withThresholds(double answer, double suggest) {
        return new RetrievalConfig(name, analyzers, embeddings, embeddingWeight, embeddingFloor, bodyWeight,
                answer, suggest, forwardThreshold, marginTarget, marginPenalty);
    }
}
