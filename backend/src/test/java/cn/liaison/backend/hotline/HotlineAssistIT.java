package cn.liaison.backend.hotline;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's side of the hotline through HTTP: assist, call outcomes, statistics. 12345 is not configured here. */
class HotlineAssistIT {

    @TempDir
    static Path dataDir;
    static final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    static TestApp app;
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(String username) throws Exception {
        String token = tokens.get(username);
        if (token == null) {
            token = app.loginAs(username);
            tokens.put(username, token);
        }
        return token;
    }

    static HttpResponse<String> post(String user, String path, JsonObject body) throws Exception {
        return app.sendJson("POST", path, token(user), body.encode());
    }

    static JsonObject assist(String text, String callId) throws Exception {
        JsonObject body = new JsonObject().put("text", text);
        if (callId != null) {
            body.put("callId", callId);
        }
        HttpResponse<String> response = post("hotline-agent", "/api/v1/hotline/assist", body);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    @Test
    void anAgentGetsTheTopThreeWithSpokenTextNoticeAndSources() throws Exception {
        JsonObject reply = assist("易地建设审批要准备什么材料，多久能批下来", null);
        JsonArray answers = reply.getJsonArray("answers");
        assertTrue(answers.size() >= 1 && answers.size() <= 3, reply.encode());
        JsonObject first = answers.getJsonObject(0);
        assertEquals("item-offsite-approval", first.getString("entryId"));
        assertTrue(first.getDouble("confidence") > 0 && first.getDouble("confidence") <= 1);
        String spoken = first.getString("spoken");
        assertTrue(spoken.contains("二十个工作日"), spoken);
        assertFalse(spoken.matches("(?s).*[0-9#*\\[\\]].*"), "no digits or Markdown: " + spoken);
        assertTrue(first.getString("notice").contains("### 申请材料"), "the written one-time notice");
        assertFalse(first.getJsonArray("sources").isEmpty());
        assertTrue(reply.getValue("forward") == null, reply.encode());
    }

    @Test
    void anotherDepartmentsMatterIsForwardedWithItsNumber() throws Exception {
        JsonObject forward = assist("我想问一下公积金怎么提取", null).getJsonObject("forward");
        assertEquals("住房公积金管理中心", forward.getString("department"));
        assertEquals("12329", forward.getString("phone"));
    }

    @Test
    void aFollowUpOnTheSameCallKeepsTheSubject() throws Exception {
        assertEquals("item-offsite-approval",
                assist("人防易地建设审批怎么申请", "call-ctx-1").getJsonArray("answers").getJsonObject(0).getString("entryId"));
        JsonObject followUp = assist("那要多久？", "call-ctx-1");
        assertTrue(followUp.getBoolean("followUp"), followUp.encode());
        assertEquals("TIME", followUp.getString("aspect"));
        JsonObject first = followUp.getJsonArray("answers").getJsonObject(0);
        assertEquals("item-offsite-approval", first.getString("entryId"));
        assertTrue(first.getString("spoken").contains("二十个工作日"), first.getString("spoken"));
        assertFalse(assist("那要多久？", "call-ctx-other").getBoolean("followUp"), "another call has no subject");
    }

    @Test
    void onlyAgentsUseTheAssistant() throws Exception {
        HttpResponse<String> response = post("enterprise-1", "/api/v1/hotline/assist", new JsonObject().put("text", "人防是什么"));
        assertEquals(403, response.statusCode());
        HttpResponse<String> empty = post("hotline-agent", "/api/v1/hotline/assist", new JsonObject().put("text", ""));
        assertEquals(400, empty.statusCode());
    }

    @Test
    void outcomesMakeTheDirectAnswerRateAndCreateRequestsOnce() throws Exception {
        assist("人防警报试鸣是哪天", "call-stats-1");
        HttpResponse<String> direct = post("hotline-agent", "/api/v1/hotline/calls/call-stats-1/outcome",
                new JsonObject().put("answeredDirectly", true).put("entryId", "faq-alarm-test-day"));
        assertEquals(200, direct.statusCode(), direct.body());

        assist("我家楼下人防工程被人占用堆放杂物怎么办？", "call-stats-2");
        JsonObject create = new JsonObject().put("answeredDirectly", false).put("createRequest", new JsonObject()
                .put("type", "COMPLAINT").put("content", "来电反映小区人防工程被占用堆放杂物").put("district", "浦口区")
                .put("contact", new JsonObject().put("name", "张女士").put("phone", "13911112222")));
        JsonObject first = new JsonObject(post("hotline-agent", "/api/v1/hotline/calls/call-stats-2/outcome", create).body());
        JsonObject again = new JsonObject(post("hotline-agent", "/api/v1/hotline/calls/call-stats-2/outcome", create).body());
        assertEquals(first.getString("requestId"), again.getString("requestId"), "one request per call");
        JsonObject request = new JsonObject(app.get("/api/v1/requests/" + first.getString("requestId"),
                token("hotline-agent")).body());
        assertEquals("HOTLINE", request.getString("channel"));
        assertEquals("13911112222", request.getJsonObject("contact").getString("phone"));

        post("hotline-agent", "/api/v1/hotline/calls/call-stats-3/outcome", new JsonObject()
                .put("answeredDirectly", false).put("question", "我家楼下人防工程被人占用堆放杂物怎么办"));

        HttpResponse<String> statsResponse = app.get("/api/v1/hotline/stats?from=2026-11-23&to=2026-11-23",
                token("city-admin"));
        assertEquals(200, statsResponse.statusCode(), statsResponse.body());
        JsonObject stats = new JsonObject(statsResponse.body());
        assertTrue(stats.getLong("calls") >= 3, stats.encode());
        long calls = stats.getLong("calls");
        long answered = stats.getLong("answeredDirectly");
        assertEquals(Math.round(answered * 10000.0 / calls) / 10000.0, stats.getDouble("directAnswerRate"), 1e-9);
        JsonObject top = stats.getJsonArray("topUnanswered").getJsonObject(0);
        assertEquals(2, top.getLong("count"), stats.encode());
        assertTrue(top.getString("question").contains("人防工程被人占用"), top.encode());

        JsonObject none = new JsonObject(app.get("/api/v1/hotline/stats?from=2026-01-01&to=2026-01-31",
                token("city-admin")).body());
        assertEquals(0, none.getLong("calls"));
        assertTrue(none.getValue("directAnswerRate") == null);
    }

    /** 直接答复 (issue 15): counted once per channel, the same in the monthly summary and /hotline/stats. */
    @Test
    void directAnswersInChatAndOnTheHotlineAreCountedTheSameWayEverywhere() throws Exception {
        assist("人防警报试鸣是哪天", "call-direct-1");
        assertEquals(200, post("hotline-agent", "/api/v1/hotline/calls/call-direct-1/outcome",
                new JsonObject().put("answeredDirectly", true).put("entryId", "faq-alarm-test-day")).statusCode());
        HttpResponse<String> chat = app.sendJson("POST", "/api/v1/chat/messages", token("enterprise-1"),
                new JsonObject().put("text", "人防警报试鸣是哪天").encode());
        assertEquals(200, chat.statusCode(), chat.body());

        JsonObject stats = new JsonObject(app.get("/api/v1/hotline/stats?from=2026-11-01&to=2026-11-30",
                token("city-admin")).body());
        HttpResponse<String> reportResponse = app.get("/api/v1/reports/monthly?month=2026-11", token("city-admin"));
        assertEquals(200, reportResponse.statusCode(), reportResponse.body());
        JsonObject direct = new JsonObject(reportResponse.body()).getJsonObject("total").getJsonObject("directAnswer");
        JsonObject hotline = direct.getJsonObject("HOTLINE");
        assertEquals(stats.getLong("calls"), hotline.getLong("contacts"), direct.encode());
        assertEquals(stats.getLong("answeredDirectly"), hotline.getLong("answered"), direct.encode());
        assertEquals(stats.getDouble("directAnswerRate"), hotline.getDouble("rate"), direct.encode());
        assertTrue(hotline.getLong("answered") >= 1, direct.encode());
        JsonObject miniProgram = direct.getJsonObject("MINIPROGRAM");
        assertTrue(miniProgram.getLong("contacts") >= 1 && miniProgram.getLong("answered") >= 1, direct.encode());
        assertTrue(miniProgram.getDouble("rate") > 0, direct.encode());
    }

    @Test
    void withoutASecretTheTwelveThreeFourFiveEndpointsAreUnavailable() throws Exception {
        HttpResponse<String> response = app.post("/integrations/12345/orders", "application/json",
                Hotline12345IT.order("GD-NOSECRET-1").encode());
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(new JsonObject(response.body()).getString("detail").contains("未配置"));
        assertFalse(app.port(cn.liaison.backend.request.RequestModule.class).repository().find(WorkOrders.requestId("GD-NOSECRET-1"))
                .await(10, TimeUnit.SECONDS).isPresent());
    }
}
