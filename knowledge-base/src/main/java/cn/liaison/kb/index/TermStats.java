package cn.liaison.kb.index;

import java.util.Map;

/** Document frequencies of one analyser's tokens over the indexed variants, for IDF weights. */
record TermStats(Map<String, Integer> documentFrequency, int documents) {
    TermStats {
        documentFrequency = Map.copyOf(documentFrequency);
    }

    /** BM25-style IDF; a token never seen in the content weighs the most. */
    double idf(String token) {
        int df = documentFrequency.getOrDefault(token, 0);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    double weight(String[] tokens) {
        double sum = 0;
        for (String token : tokens) {
            sum += idf(token);
        }
        return sum;
    }
}
