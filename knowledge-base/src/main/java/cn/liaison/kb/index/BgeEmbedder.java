package cn.liaison.kb.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The quantized bge-small-zh-v1.5 model shipped inside its jar, run in-process by ONNX Runtime.
 * Question-to-question comparison uses plain text; {@link #embedQuery} adds bge's instruction.
 */
final class BgeEmbedder implements Embedder {
    static final BgeEmbedder SHARED = new BgeEmbedder();
    /** The instruction bge-small-zh-v1.5 expects before a query for question-to-passage retrieval. */
    private static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private volatile EmbeddingModel model;

    private BgeEmbedder() {
    }

    private EmbeddingModel model() {
        EmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = new BgeSmallZhV15QuantizedEmbeddingModel();
                }
                current = model;
            }
        }
        return current;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(QUERY_INSTRUCTION + text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(e -> unit(e.vector())).toList();
    }

    @Override
    public float[] embed(String text) {
        return unit(model().embed(text).content().vector());
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
