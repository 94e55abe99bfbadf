package cn.liaison.backend.kb;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base in the service, on two instances sharing one MongoDB and one Redis: import on
 * first start, public answers (rate-limited), entries, drafts and publishing that reaches every
 * instance, and the gap report.
 */
class KnowledgeBaseServiceIT {

    @TempDir
    static Path dir;
    static EmbeddedMongo mongo;
    static EmbeddedRedis redis;
    static TestApp first;
    static TestApp second;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        mongo = EmbeddedMongo.start(dir.resolve("servers"));
        redis = EmbeddedRedis.start(dir.resolve("servers"));
        Map<String, String> env = Map.of("MONGO_URI", mongo.connectionString(), "REDIS_URL", redis.url(),
                "JWT_SECRET", "knowledge-base-test-secret-at-least-32-chars", "KB_ANSWERS_PER_MINUTE", "1000");
        first = TestApp.start(dir.resolve("a"), env, StartOptions.defaults());
        second = TestApp.start(dir.resolve("b"), env, StartOptions.defaults());
        first.knowledgeBase().await(180, TimeUnit.SECONDS);
        second.knowledgeBase().await(180, TimeUnit.SECONDS);
        admin = first.tokenFor(new Principal("kb-admin", "知识库管理员", Set.of(Role.CITY_ADMIN), "city", null));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        redis.close();
        mongo.close();
    }

    private static JsonObject ask(TestApp app, String q) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/kb/answer?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    @Test
    void firstStartImportsTheBundledContentOnce() throws Exception {
        long entries = first.app().platform().stores().mongo().count("kb_entries", new JsonObject()).await(10, TimeUnit.SECONDS);
        JsonArray list = new JsonObject(first.get("/api/v1/admin/kb/entries", admin).body()).getJsonArray("items");

        long bundled = first.knowledgeBase().result().content().entries().size();
        assertTrue(entries >= 60, "entries: " + entries);
        assertEquals(entries, list.size());
        assertTrue(list.stream().filter(e -> !((JsonObject) e).getString("id").startsWith("faq-test"))
                .allMatch(e -> ((JsonObject) e).getBoolean("published") && ((JsonObject) e).getInteger("version") == 1),
                "imported once, by the first instance only");
        assertTrue(bundled >= 60);
    }

    @Test
    void answersCarryTheEntryItsSourcesAndTheOneTimeNotice() throws Exception {
        JsonObject outcome = ask(first, "异地建设费怎么交");

        assertTrue(outcome.getBoolean("answered"), outcome.encodePrettily());
        assertTrue(outcome.getJsonArray("results").getJsonObject(0).getJsonArray("topics").contains("fee.offsite-fee"));
        assertFalse(outcome.getJsonObject("answer").getJsonArray("sources").isEmpty());
        assertNull(outcome.getValue("forward"));

        JsonObject item = new JsonObject(first.get("/api/v1/kb/entries/item-basement-permit").body());
        assertTrue(item.getString("markdown").contains("材料"), item.getString("markdown"));
        assertEquals(404, first.get("/api/v1/kb/entries/no-such-entry").statusCode());
    }

    @Test
    void anotherDepartmentsQuestionIsForwardedNotAnswered() throws Exception {
        JsonObject outcome = ask(first, "营业执照丢了怎么补办");

        assertFalse(outcome.getBoolean("answered"));
        assertEquals("市场监督管理局", outcome.getJsonObject("forward").getString("department"));
    }

    @Test
    void publishedDraftIsAnsweredAtOnceHereAndSoonEverywhere() throws Exception {
        JsonObject draft = new JsonObject()
                .put("id", "faq-test-drill-signup")
                .put("kind", "faq")
                .put("title", "防空演练志愿者报名")
                .put("questions", new JsonArray().add("防空演练志愿者怎么报名？").add("我想报名当防空演练志愿者")
                        .add("演练志愿者在哪报名").add("人防演练能当志愿者吗").add("志愿者报名防空演习").add("防空演习志愿者招募"))
                .put("answer", "关注所在区人防部门发布的演练通知，按通知中的方式报名。")
                .put("topics", new JsonArray().add("topic.alarm"))
                .put("region", "南京")
                .put("effective", new JsonObject().put("from", "2026-01-01").putNull("to"))
                .put("sources", new JsonArray().add(new JsonObject().put("title", "测试来源").putNull("url")));

        HttpResponse<String> saved = first.sendJson("PUT", "/api/v1/admin/kb/entries/faq-test-drill-signup/draft", admin, draft.encode());
        assertEquals(200, saved.statusCode(), saved.body());
        assertFalse(ask(first, "防空演练志愿者怎么报名").getJsonArray("results").stream()
                .anyMatch(r -> "faq-test-drill-signup".equals(((JsonObject) r).getString("id"))), "a draft is not live");

        HttpResponse<String> published = first.sendJson("POST", "/api/v1/admin/kb/entries/faq-test-drill-signup/publish", admin, "{}");
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("faq-test-drill-signup", ask(first, "防空演练志愿者怎么报名").getJsonArray("results").getJsonObject(0).getString("id"));
        awaitTopResult(second, "防空演练志愿者怎么报名", "faq-test-drill-signup");

        assertEquals(200, first.sendJson("POST", "/api/v1/admin/kb/entries/faq-test-drill-signup/unpublish", admin, "{}").statusCode());
        assertEquals(404, first.get("/api/v1/kb/entries/faq-test-drill-signup").statusCode());

        // Issue 15: the unpublished text is kept, and published again without retyping.
        JsonObject entry = new JsonObject(first.get("/api/v1/admin/kb/entries/faq-test-drill-signup", admin).body());
        JsonObject kept = entry.getJsonArray("versions").getJsonObject(0);
        assertTrue(kept.getString("text").contains("关注所在区人防部门发布的演练通知"), entry.encode());
        HttpResponse<String> restored = first.sendJson("POST", "/api/v1/admin/kb/entries/faq-test-drill-signup/versions/"
                + kept.getInteger("version") + "/restore", admin, "{}");
        assertEquals(200, restored.statusCode(), restored.body());
        JsonObject after = new JsonObject(restored.body());
        assertTrue(after.getBoolean("published"), after.encode());
        assertEquals(2, after.getJsonArray("versions").size(), after.encode());
        assertEquals(200, first.get("/api/v1/kb/entries/faq-test-drill-signup").statusCode());
        assertEquals(404, first.sendJson("POST", "/api/v1/admin/kb/entries/faq-test-drill-signup/versions/99/restore",
                admin, "{}").statusCode());
    }

    /** Asks repeatedly (each a real round trip, no sleeping) until the other instance has re-indexed. */
    private static void awaitTopResult(TestApp app, String q, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonArray results = ask(app, q).getJsonArray("results");
            if (!results.isEmpty() && id.equals(results.getJsonObject(0).getString("id"))) {
                return;
            }
        }
        throw new AssertionError("the other instance never answered with " + id);
    }

    @Test
    void invalidDraftIsRejectedNamingTheProblems() throws Exception {
        JsonObject broken = new JsonObject().put("id", "faq-broken").put("kind", "faq").put("title", "坏条目")
                .put("questions", new JsonArray().add("只有一个问题")).put("answer", "")
                .put("topics", new JsonArray().add("topic.unknown")).put("region", "南京")
                .put("effective", new JsonObject().put("from", "not-a-date")).put("sources", new JsonArray());

        HttpResponse<String> response = first.sendJson("PUT", "/api/v1/admin/kb/entries/faq-broken/draft", admin, broken.encode());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(new JsonObject(response.body()).getJsonArray("errors").size() >= 3, response.body());
        assertEquals(404, first.get("/api/v1/admin/kb/entries/faq-broken", admin).statusCode(), "nothing stored");
        // Admins read these (issue 15): Chinese, quoting only what they typed and the format's own words.
        for (Object o : new JsonObject(response.body()).getJsonArray("errors")) {
            String detail = ((JsonObject) o).getString("detail");
            String prose = detail.replace("not-a-date", "").replaceAll("'[^']*'", "").replaceAll("[\\w.-]+\\.yaml|YAML|YYYY-MM-DD|kind: item", "");
            assertFalse(prose.matches("(?s).*[A-Za-z]{3,}.*"), "English in: " + detail);
        }
    }

    @Test
    void onlyCityAdminsEditTheKnowledgeBase() throws Exception {
        String liaison = first.tokenFor(new Principal("l", "联络员", Set.of(Role.LIAISON), "district-pukou", null));

        assertEquals(403, first.get("/api/v1/admin/kb/entries", liaison).statusCode());
        assertEquals(401, first.get("/api/v1/admin/kb/entries").statusCode());
    }

    @Test
    void unansweredQuestionsAreReportedMostFrequentFirst() throws Exception {
        ask(first, "火星基地的人防怎么建");
        ask(second, "火星基地的人防怎么建？");
        ask(first, "今天天气怎么样");

        JsonObject gaps = new JsonObject(first.get("/api/v1/admin/kb/gaps?limit=5", admin).body());

        JsonObject top = gaps.getJsonArray("items").getJsonObject(0);
        assertEquals(2, top.getInteger("count"), gaps.encodePrettily());
        assertTrue(top.getString("question").startsWith("火星基地"));
    }

    @Test
    void unansweredQuestionsBecomeSuggestionsAnAdminAcceptsIntoADraft() throws Exception {
        // each asked once, so the other gap test's question (asked twice) stays the most frequent
        ask(first, "月球背面的防空洞怎么申请使用");
        ask(second, "月球背面的防空洞如何申请使用");
        String liaison = first.tokenFor(new Principal("l2", "联络员", Set.of(Role.LIAISON), "district-pukou", null));
        assertEquals(403, first.get("/api/v1/admin/kb/suggestions", liaison).statusCode());

        HttpResponse<String> response = first.get("/api/v1/admin/kb/suggestions?limit=50", admin);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = new JsonObject(response.body());
        JsonObject moon = report.getJsonArray("suggestions").stream().map(JsonObject.class::cast)
                .filter(s -> s.getJsonArray("questions").contains("月球背面的防空洞怎么申请使用"))
                .findFirst().orElseThrow(() -> new AssertionError(report.encodePrettily()));
        assertTrue(moon.getJsonArray("questions").contains("月球背面的防空洞如何申请使用"), "grouped by meaning: " + moon);
        assertEquals(2, moon.getInteger("asked"));
        assertTrue(report.getJsonObject("answerRate").getLong("asked") >= 2, report.encodePrettily());

        String id = moon.getString("id");
        HttpResponse<String> accepted = first.sendJson("POST", "/api/v1/admin/kb/suggestions/" + id + "/accept", admin, "{}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        String draftId = new JsonObject(accepted.body()).getString("draftEntryId");
        JsonObject draft = new JsonObject(first.get("/api/v1/admin/kb/entries/" + draftId, admin).body());
        assertTrue(draft.getBoolean("hasDraft"), draft.encodePrettily());
        assertTrue(draft.getString("draftText").contains("月球背面的防空洞如何申请使用"), draft.encodePrettily());
        assertEquals(409, first.sendJson("POST", "/api/v1/admin/kb/suggestions/" + id + "/accept", admin, "{}").statusCode());
        assertEquals(404, first.sendJson("POST", "/api/v1/admin/kb/suggestions/0000000000000000/accept", admin, "{}")
                .statusCode());

        JsonObject after = new JsonObject(first.get("/api/v1/admin/kb/suggestions?limit=50", admin).body());
        assertTrue(after.getJsonObject("accepted").getInteger("count") >= 1, after.encodePrettily());
    }
}
