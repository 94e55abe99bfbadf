package cn.liaison.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Topic;
import cn.liaison.kb.eval.EvalCase;
import cn.liaison.kb.eval.EvalSummary;
import cn.liaison.kb.eval.Evaluator;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.RetrievalConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real content, as bundled into the jar: it validates and retrieval measures up on the dev set. */
class BundledContentTest {
    private static final Path DEV = Path.of("content/eval/dev.jsonl");
    private static final Path HELD_OUT = Path.of("content/eval/heldout2.jsonl");

    @Test
    void bundledContentValidatesAndCoversTheCatalogue() {
        Content bundled = KnowledgeBase.loadBundled();
        Content onDisk = ContentLoader.load(Path.of("content"));
        assertEquals(onDisk.entries().size(), bundled.entries().size(), "the jar bundles the content folder");
        assumeTrue(!bundled.entries().isEmpty(), "no content written yet");
        assertTrue(bundled.entries().size() >= 60, "at least 60 entries");
        Set<String> used = bundled.entries().stream().flatMap(e -> e.topics().stream()).collect(Collectors.toSet());
        List<String> uncovered = bundled.topics().stream().map(Topic::id).filter(id -> !used.contains(id)).toList();
        assertTrue(uncovered.isEmpty(), () -> "topics without an entry: " + uncovered);
        for (Entry entry : bundled.entries()) {
            assertTrue(KnowledgeBase.answer(entry).contains(entry.title()));
        }
    }

    /**
     * The targets (top1 ≥ 0.93, top3 ≥ 0.98, not-ours abstained ≥ 0.95, confidently wrong ≤
     * 0.03) on the dev set and on the second held-out set, which was written before the content it is
     * measured on was changed (knowledge-base/README.md, "Second round"). Measured: dev 0.938 / 1.000
     * / 1.000 / 0.011, held-out 2 0.963 / 0.991 / 1.000 / 0.006.
     */
    @Test
    void devAndHeldOutSetsMeetTheTargets() throws Exception {
        assumeTrue(Files.exists(DEV), "no dev set yet");
        RetrievalConfig config = RetrievalConfig.defaults();
        try (KbIndex index = KbIndex.build(ContentLoader.load(Path.of("content")), config)) {
            for (Path set : List.of(DEV, HELD_OUT)) {
                List<EvalCase> cases = cases(set);
                EvalSummary summary = Evaluator.summarize(Evaluator.observe(index, cases), config);
                String report = set + ": " + summary;
                assertTrue(summary.wrongConfident() <= 0.03, report);
                assertTrue(summary.oosAbstain() >= 0.95, report);
                assertTrue(summary.top3() >= 0.98, report);
                assertTrue(summary.top1() >= 0.93, report);
            }
            // The thresholds' measured precision on the dev set (share of answers whose first entry is
            // right): chat 0.45 measured 0.986 (212 of 215), the hotline's stricter 0.52 measured 0.994
            // (176 of 177).
            List<Evaluator.Observation> observed = Evaluator.observe(index, cases(DEV));
            double chat = precision(observed, config.answerThreshold());
            double hotline = precision(observed, config.thresholds().hotlineAnswer());
            assertEquals(0.45, config.answerThreshold(), 1e-9);
            assertEquals(0.52, config.thresholds().hotlineAnswer(), 1e-9);
            assertTrue(chat >= 0.97, "chat precision " + chat);
            assertTrue(hotline >= 0.98, "hotline precision " + hotline);
            assertTrue(hotline > chat, "the hotline threshold is the stricter one");
        }
    }

    private static List<EvalCase> cases(Path set) throws Exception {
        List<EvalCase> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(set)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                JsonNode topic = node.get("topic");
                cases.add(new EvalCase(node.get("q").asText(), topic == null || topic.isNull() ? null : topic.asText()));
            }
        }
        return cases;
    }

    private static double precision(List<Evaluator.Observation> observed, double threshold) {
        long answered = observed.stream().filter(o -> o.answeredAt(threshold)).count();
        long right = observed.stream().filter(o -> o.answeredAt(threshold) && o.evalCase().inScope() && o.firstCarries())
                .count();
        return answered == 0 ? 0 : (double) right / answered;
    }
}
