package cn.liaison.kb.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quantized bge-small-zh-v1.5 model shipped inside its jar, run in-process by ONNX Runtime.
 * Question-to-question comparison uses plain text; {@link #embedQuery} adds bge's instruction.
 *
 * <p>One inference uses one thread. ONNX Runtime's default spreads every inference over all cores,
 * so two concurrent questions on a 2-core machine kept four threads busy and the event loops waited
 * for CPU (measured: request creation at 50/s had a p50 of 944 ms). Parallelism is the caller's
 * choice instead: the service's embedding pool decides how many inferences run at once, and bulk
 * embedding (the index build) spreads its batches over one thread per core.
 */
final class BgeEmbedder implements Embedder {
    static final BgeEmbedder SHARED = new BgeEmbedder();
    /** The instruction bge-small-zh-v1.5 expects before a query for question-to-passage retrieval. */
    private static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    private static final String MODEL_FILE = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_FILE = "bge-small-zh-v1.5-q-tokenizer.json";

    private volatile EmbeddingModel model;

    private BgeEmbedder() {
    }

    private EmbeddingModel model() {
        EmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = new SingleThreadedBge(load());
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

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = BgeEmbedder.class.getClassLoader();
        try (InputStream modelBytes = loader.getResourceAsStream(MODEL_FILE);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_FILE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (modelBytes == null || tokenizer == null) {
                throw new IllegalStateException("the bge-small-zh-v1.5 model is not on the class path");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model could not be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The model with one thread per inference; batches of {@code embedAll} run on one daemon thread per core. */
    private static final class SingleThreadedBge extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadedBge(OnnxBertBiEncoder encoder) {
            super(bulkThreads());
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 512;
        }

        private static ExecutorService bulkThreads() {
            AtomicInteger number = new AtomicInteger();
            return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
                Thread thread = new Thread(task, "kb-embed-bulk-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
