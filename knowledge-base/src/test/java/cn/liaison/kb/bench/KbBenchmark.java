package cn.liaison.kb.bench;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.RetrievalConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of one ask on a warm index and index build time, with the real content and with
 * synthetic entries (see {@code bench/run.sh}). A plain main, not a test: numbers depend on the
 * machine. Arguments: content folder, dev set, synthetic size (default 10000), variant.
 */
public final class KbBenchmark {
    private static final int WARMUP = 300;
    private static final int MEASURED = 2000;

    private KbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path contentDir = Path.of(args.length > 0 ? args[0] : "content");
        Path dev = Path.of(args.length > 1 ? args[1] : "content/eval/dev.jsonl");
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        RetrievalConfig config = args.length > 3 ? RetrievalConfig.variant(args[3]) : RetrievalConfig.defaults();
        Content content = ContentLoader.load(contentDir);
        List<String> questions = questions(dev);
        System.out.printf(Locale.ROOT, "variant %s, %d processors, %d questions%n", config.name(),
                Runtime.getRuntime().availableProcessors(), questions.size());

        // The first build loads the models (HanLP dictionaries, ONNX runtime): not counted. It indexes
        // a few synthetic entries only, so that the real content's vectors are not cached yet.
        int real = content.entries().size();
        List<Entry> warmup = SyntheticEntries.grow(content.entries(), real + 3, 7).subList(real, real + 3);
        KbIndex.build(warmup, content.forward(), content.synonyms(), content.dictionary(), config).close();
        run("real content", content.entries(), content, config, questions);
        long start = System.nanoTime();
        KbIndex.build(content, config).close();
        System.out.printf(Locale.ROOT, "re-index of the real content with cached vectors: %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        run("synthetic", SyntheticEntries.grow(content.entries(), size, 42), content, config, questions);
        System.exit(0);
    }

    private static void run(String label, List<Entry> entries, Content content, RetrievalConfig config,
            List<String> questions) throws Exception {
        long start = System.nanoTime();
        try (KbIndex index = KbIndex.build(entries, content.forward(), content.synonyms(), content.dictionary(),
                config)) {
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < WARMUP; i++) {
                index.search(questions.get(i % questions.size()));
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                String question = questions.get(i % questions.size());
                long t = System.nanoTime();
                index.search(question);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-13s %6d entries  build %7.1f s  ask p50 %5.1f ms  p99 %5.1f ms  max %5.1f ms%n",
                    label, entries.size(), buildSeconds, nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6,
                    nanos[MEASURED - 1] / 1e6);
        }
    }

    private static List<String> questions(Path dev) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(dev)) {
            if (!line.isBlank()) {
                questions.add(json.readTree(line).get("q").asText());
            }
        }
        return questions;
    }
}
