package cn.liaison.kb.index;

/** Turns text into a unit-length sentence vector (for the hybrid variants). */
public interface Embedder {
    int dimension();

    float[] embed(String text);

    /** The offline bge-small-zh-v1.5 model, loaded once per JVM on first use. */
    static Embedder bgeSmallZh() {
        return BgeEmbedder.SHARED;
    }
}
