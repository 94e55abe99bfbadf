package cn.liaison.kb.index;

/** Turns text into a unit-length sentence vector (for the hybrid variants). */
public interface Embedder {
    int dimension();

    /** The vector of a text to be found (a question variant, an answer). */
    float[] embed(String text);

    /** Vectors of many texts, in order (implementations may batch and parallelise). */
    default java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** The vector of a user's question when it is compared with answers (asymmetric retrieval). */
    default float[] embedQuery(String text) {
        return embed(text);
    }

    /** The offline bge-small-zh-v1.5 model, loaded once per JVM on first use. */
    static Embedder bgeSmallZh() {
        return BgeEmbedder.SHARED;
    }
}
