package cn.liaison.kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = Fixtures.fixtureKb().toString();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new KbCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private List<JsonNode> outputLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void askReturnsAScenarioPackageWithKindScenario() throws Exception {
        assertEquals(0, run("ask", "开工前人防要办什么"));

        JsonNode line = outputLines().get(0);
        assertEquals("scenario", line.get("kind").asText());
        assertTrue(line.get("answered").asBoolean(), line.toString());
        assertEquals("scenario-start-construction", line.get("results").get(0).get("id").asText());
        assertEquals("scenario", line.get("results").get(0).get("kind").asText());
        JsonNode pkg = line.get("package");
        assertEquals("start-construction", pkg.get("id").asText());
        assertTrue(pkg.get("materials").size() > 5);
        assertTrue(pkg.get("markdown").asText().contains("一套材料"));
        assertTrue(line.has("confidence") && line.has("decision") && line.has("suggestions") && line.has("forward"),
                "the existing fields stay");
    }

    @Test
    void askPrintsOneResultLinePerQuestion() throws Exception {
        Path questions = dir.resolve("q.jsonl");
        Fixtures.write(questions, """
                {"q": "异地建设费一平方米多少钱"}

                {"q": "营业执照怎么办理"}
                {"q": "你好"}
                """);

        assertEquals(0, run("ask", "--jsonl", questions.toString(), "--content", FIXTURE));

        List<JsonNode> lines = outputLines();
        assertEquals(3, lines.size());
        JsonNode fee = lines.get(0);
        assertEquals("异地建设费一平方米多少钱", fee.get("q").asText());
        assertTrue(fee.get("answered").asBoolean());
        double confidence = fee.get("confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1);
        JsonNode first = fee.get("results").get(0);
        assertEquals("fee-offsite-fee", first.get("id").asText());
        assertEquals("防空地下室易地建设费收费标准", first.get("title").asText());
        assertEquals("fee.offsite-fee", first.get("topics").get(0).asText());
        assertTrue(first.get("score").isNumber());
        assertTrue(fee.get("results").size() <= 5);
        assertTrue(fee.get("forward").isNull());

        JsonNode licence = lines.get(1);
        assertFalse(licence.get("answered").asBoolean());
        assertEquals("市场监督管理局", licence.get("forward").get("department").asText());
        assertTrue(licence.get("results").isArray(), "results are present even when not answered");

        JsonNode hello = lines.get(2);
        assertFalse(hello.get("answered").asBoolean());
        assertTrue(hello.get("forward").isNull());
    }

    @Test
    void evalEndsWithASummaryLine() throws Exception {
        Path set = dir.resolve("dev.jsonl");
        Fixtures.write(set, """
                {"q": "异地建设费一平方米多少钱", "topic": "fee.offsite-fee"}
                {"q": "防空警报有哪几种", "topic": "topic.alarm"}
                {"q": "防空洞在哪", "topic": "topic.alarm"}
                {"q": "今天天气怎么样", "topic": null}
                """);

        assertEquals(0, run("eval", set.toString(), "--content", FIXTURE, "--analyzer", "hanlp+bigram"));

        List<JsonNode> lines = outputLines();
        assertEquals(5, lines.size());
        JsonNode summary = lines.get(4);
        assertEquals(4, summary.get("n").asInt());
        assertEquals(2.0 / 3, summary.get("top1").asDouble(), 0.001);
        assertEquals(1.0, summary.get("oosAbstain").asDouble());
        assertEquals(0.25, summary.get("wrongConfident").asDouble(), 0.001, "the shelter answer is wrong for topic.alarm");
        assertTrue(summary.has("top3"));
        assertEquals("hanlp+bigram", summary.get("variant").asText());
        assertFalse(lines.get(2).get("ok").asBoolean());
    }

    @Test
    void validateReportsFileAndLineAndExitsNonZero() {
        assertEquals(0, run("validate", FIXTURE));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("ok: 8 entries"));

        Path broken = Fixtures.copyOfFixture(dir.resolve("kb"));
        Fixtures.write(broken.resolve("entries/topic-alarm.yaml"), "id: topic-alarm\nkind: alarm\n");
        out.reset();
        assertEquals(1, run("validate", broken.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "entries/topic-alarm.yaml:2: 未知类型 'alarm'（应为 item | policy | faq | case | guide）"));
    }

    @Test
    void badUsageAndBadInputHaveTheirExitCodes() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("ask", "--content", FIXTURE, "--analyzer", "nope", "问题"));
        Path bad = dir.resolve("bad.jsonl");
        Fixtures.write(bad, "{\"q\": \"好\"}\nnot json\n");
        assertEquals(1, run("ask", "--jsonl", bad.toString(), "--content", FIXTURE));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(bad + ":2: not JSON"));
    }
}
