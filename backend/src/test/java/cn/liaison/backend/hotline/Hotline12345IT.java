package cn.liaison.backend.hotline;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import cn.liaison.bots.hotline12345.Signature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 12345 integration against the real service and a fake platform: signed orders in, the loop,
 * signed callbacks out through the outbox (with retries), follow-up and return.
 */
class Hotline12345IT {

    static final String SECRET = "test-12345-shared-secret";
    private static final AtomicInteger ORDERS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    static Fake12345Platform platform;
    static TestApp app;
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        platform = new Fake12345Platform(SECRET);
        app = TestApp.start(dataDir, Map.of("HOTLINE_12345_SECRET", SECRET, "HOTLINE_12345_BASE", platform.baseUrl()),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        app.close();
        platform.close();
    }

    static JsonObject order(String orderNo) {
        return new JsonObject().put("orderNo", orderNo).put("type", "投诉").put("title", "地下车库人防门损坏")
                .put("content", "小区地下车库的人防防护门损坏，一直没人维修，存在安全隐患").put("callerName", "王先生")
                .put("callerPhone", "13900001111").put("district", "浦口区").put("address", "江浦街道某小区")
                .put("categoryCodes", new JsonArray().add("RF-01")).put("dispatchedAt", "2026-11-23T09:00:00+08:00")
                .put("deadline", "2026-11-27T17:30:00+08:00");
    }

    static String nextOrderNo() {
        return "GD20261123-" + String.format("%04d", ORDERS.incrementAndGet());
    }

    /** POSTs {@code body} signed with {@code secret} at {@code timestamp}. */
    static HttpResponse<String> signed(String path, String body, String secret, long timestamp) throws Exception {
        String ts = Long.toString(timestamp);
        return app.send(HttpRequest.newBuilder(app.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header(Signature.TIMESTAMP_HEADER, ts)
                .header(Signature.SIGNATURE_HEADER, new Signature(secret).sign(ts, body)));
    }

    static HttpResponse<String> signed(String path, JsonObject body) throws Exception {
        // A fresh second per call, so no two messages share a signature by accident.
        clock.advance(Duration.ofSeconds(1));
        return signed(path, body.encode(), SECRET, clock.instant().getEpochSecond());
    }

    static String dispatch(String orderNo) throws Exception {
        HttpResponse<String> response = signed("/integrations/12345/orders", order(orderNo));
        assertEquals(201, response.statusCode(), response.body());
        String id = new JsonObject(response.body()).getString("requestId");
        app.awaitAssessed(id); // routing follows the acknowledged order as its own change
        return id;
    }

    static String token(String username) throws Exception {
        String token = tokens.get(username);
        if (token == null) {
            token = app.loginAs(username);
            tokens.put(username, token);
        }
        return token;
    }

    static JsonObject get(String user, String id) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/requests/" + id, token(user));
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    static JsonObject act(String user, String id, String action, JsonObject body) throws Exception {
        HttpResponse<String> response = app.sendJson("POST", "/api/v1/requests/" + id + "/" + action, token(user), body.encode());
        assertEquals(200, response.statusCode(), action + ": " + response.body());
        return new JsonObject(response.body());
    }

    static int deliver() throws Exception {
        return app.runJob("outbox").await(30, TimeUnit.SECONDS);
    }

    static boolean stored(String orderNo) throws Exception {
        return app.port(cn.liaison.backend.request.RequestModule.class).repository().find(WorkOrders.requestId(orderNo)).await(10, TimeUnit.SECONDS).isPresent();
    }

    @Test
    void anOrderBecomesARequestWithThePlatformsDeadline() throws Exception {
        String orderNo = nextOrderNo();
        String id = dispatch(orderNo);
        JsonObject request = get("city-admin", id);
        assertEquals("12345", request.getString("channel"));
        assertEquals(orderNo, request.getString("orderNo"));
        assertEquals("COMPLAINT", request.getString("type"));
        assertEquals("ASSIGNED", request.getString("status"));
        assertEquals("2026-11-27T17:30:00+08:00", request.getString("dueAt"), "the platform's deadline, not the type's");
        assertTrue(request.getString("liaisonId").startsWith("user-pukou-liaison-"), request.encode());
        assertEquals("13900001111", request.getJsonObject("contact").getString("phone"));
        assertEquals("投诉", request.getJsonObject("source").getString("orderType"));
        assertEquals(List.of("RF-01"), request.getJsonObject("source").getJsonArray("categoryCodes").getList());
    }

    @Test
    void aRepeatedOrderIsAcknowledgedWithTheSameRequest() throws Exception {
        String orderNo = nextOrderNo();
        String id = dispatch(orderNo);
        HttpResponse<String> again = signed("/integrations/12345/orders", order(orderNo).put("content", "重复派单"));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, new JsonObject(again.body()).getString("requestId"));
        assertFalse(new JsonObject(again.body()).getBoolean("created"));
        assertTrue(get("city-admin", id).getString("content").contains("人防防护门损坏"), "nothing overwritten");
        long count = app.port(cn.liaison.backend.request.RequestModule.class).repository().count(new JsonObject().put("orderNo", orderNo)).await(10, TimeUnit.SECONDS);
        assertEquals(1, count);
    }

    @Test
    void badSignatureStaleTimestampAndMissingHeadersAreRefusedAndNothingIsStored() throws Exception {
        String orderNo = nextOrderNo();
        String body = order(orderNo).encode();
        long now = clock.instant().getEpochSecond();
        HttpResponse<String> wrongKey = signed("/integrations/12345/orders", body, "another-secret-of-16", now);
        assertEquals(401, wrongKey.statusCode());
        assertTrue(wrongKey.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new JsonObject(wrongKey.body()).getString("detail").contains("签名"), wrongKey.body());

        String ts = Long.toString(now);
        HttpResponse<String> tampered = app.send(HttpRequest.newBuilder(app.uri("/integrations/12345/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("王先生", "李先生")))
                .header("Content-Type", "application/json").header(Signature.TIMESTAMP_HEADER, ts)
                .header(Signature.SIGNATURE_HEADER, new Signature(SECRET).sign(ts, body)));
        assertEquals(401, tampered.statusCode());

        HttpResponse<String> stale = signed("/integrations/12345/orders", body, SECRET, now - 301);
        assertEquals(401, stale.statusCode());
        assertTrue(new JsonObject(stale.body()).getString("detail").contains("时间"), stale.body());

        HttpResponse<String> unsigned = app.post("/integrations/12345/orders", "application/json", body);
        assertEquals(401, unsigned.statusCode());
        assertFalse(stored(orderNo));
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() throws Exception {
        String orderNo = nextOrderNo();
        HttpResponse<String> response = signed("/integrations/12345/orders", order(orderNo).put("type", "催办")
                .put("deadline", "2026-11-22T09:00:00+08:00"));
        assertEquals(400, response.statusCode(), response.body());
        String fields = new JsonObject(response.body()).getJsonArray("errors").encode();
        assertTrue(fields.contains("type"), fields);
        assertFalse(stored(orderNo));
    }

    @Test
    void aReplayedMessageIsRefused() throws Exception {
        String orderNo = nextOrderNo();
        String body = order(orderNo).encode();
        long now = clock.instant().getEpochSecond();
        assertEquals(201, signed("/integrations/12345/orders", body, SECRET, now).statusCode());
        HttpResponse<String> replay = signed("/integrations/12345/orders", body, SECRET, now);
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(new JsonObject(replay.body()).getString("detail").contains("重复"), replay.body());
    }

    @Test
    void fullOrderSignForResultUnsatisfiedFollowUpReworkAndResultAgain() throws Exception {
        String orderNo = nextOrderNo();
        String id = dispatch(orderNo);
        String liaison = get("city-admin", id).getString("liaisonId").substring("user-".length());

        act(liaison, id, "accept", new JsonObject());
        platform.failNext(1);
        deliver();
        assertEquals(List.of(), platform.acknowledged(orderNo), "first attempt refused by the platform");
        JsonArray attempts = get("city-admin", id).getJsonArray("callbacks");
        assertEquals(1, attempts.size());
        assertFalse(attempts.getJsonObject(0).getBoolean("ok"));
        assertEquals(503, attempts.getJsonObject(0).getInteger("status"));

        clock.advance(Duration.ofSeconds(6));
        deliver();
        List<JsonObject> acked = platform.acknowledged(orderNo);
        assertEquals(1, acked.size());
        JsonObject signedFor = acked.get(0);
        assertEquals("SIGNED", signedFor.getString("event"));
        assertEquals(orderNo, signedFor.getString("orderNo"));
        assertTrue(signedFor.getString("at").endsWith("+08:00"), signedFor.encode());
        assertTrue(platform.all().stream().allMatch(Fake12345Platform.Received::signatureValid));
        assertEquals(2, get("city-admin", id).getJsonArray("callbacks").size(), "every attempt recorded");

        act(liaison, id, "respond", new JsonObject().put("result", "已联系物业更换防护门密封条").put("resolved", false)
                .put("resolution", "PARTLY"));
        deliver();
        JsonObject result = platform.acknowledged(orderNo).get(1);
        assertEquals("RESULT", result.getString("event"));
        assertEquals("已联系物业更换防护门密封条", result.getString("result"));
        assertEquals("PARTLY", result.getString("resolution"));

        HttpResponse<String> followUp = signed("/integrations/12345/orders/" + orderNo + "/followup",
                new JsonObject().put("satisfied", false).put("comment", "门还是关不上"));
        assertEquals(200, followUp.statusCode(), followUp.body());
        assertEquals("REWORK", new JsonObject(followUp.body()).getString("status"));
        JsonObject rework = get("city-admin", id);
        assertEquals(1, rework.getJsonObject("rework").getInteger("round"));
        assertEquals("DISSATISFIED", rework.getJsonObject("rating").getString("level"));

        act(liaison, id, "respond", new JsonObject().put("result", "已更换整扇防护门").put("resolved", true));
        deliver();
        List<JsonObject> all = platform.acknowledged(orderNo);
        assertEquals(List.of("SIGNED", "RESULT", "RESULT"), all.stream().map(c -> c.getString("event")).toList());
        assertEquals("RESOLVED", all.get(2).getString("resolution"));

        HttpResponse<String> satisfied = signed("/integrations/12345/orders/" + orderNo + "/followup",
                new JsonObject().put("satisfied", true));
        assertEquals("CLOSED", new JsonObject(satisfied.body()).getString("status"));
    }

    @Test
    void anExtensionRequestIsReportedToThePlatform() throws Exception {
        String orderNo = nextOrderNo();
        String id = dispatch(orderNo);
        String liaison = get("city-admin", id).getString("liaisonId").substring("user-".length());
        act(liaison, id, "accept", new JsonObject());
        act(liaison, id, "extension", new JsonObject().put("workingDays", 3).put("reason", "需等待厂家供货"));
        deliver();
        JsonObject extension = platform.acknowledged(orderNo).get(1);
        assertEquals("EXTENSION_REQUESTED", extension.getString("event"));
        assertEquals(3, extension.getInteger("workingDays"));
        assertEquals("需等待厂家供货", extension.getString("reason"));
    }

    @Test
    void aUnitHeadReturnsAnOrderWithAReasonCode() throws Exception {
        String orderNo = nextOrderNo();
        String id = dispatch(orderNo);
        HttpResponse<String> byLiaison = app.sendJson("POST", "/api/v1/requests/" + id + "/return",
                token(get("city-admin", id).getString("liaisonId").substring("user-".length())),
                new JsonObject().put("reason", "WRONG_AREA").encode());
        assertEquals(403, byLiaison.statusCode(), byLiaison.body());

        assertTrue(get("pukou-head", id).getJsonArray("actions").contains("return"));
        JsonObject returned = act("pukou-head", id, "return", new JsonObject().put("reason", "WRONG_AREA")
                .put("note", "地址位于江宁区"));
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("WRONG_AREA", returned.getJsonObject("returned").getString("reason"));
        deliver();
        JsonObject callback = platform.acknowledged(orderNo).get(0);
        assertEquals("RETURNED", callback.getString("event"));
        assertEquals("WRONG_AREA", callback.getString("reason"));
        assertEquals("地址位于江宁区", callback.getString("note"));

        HttpResponse<String> again = signed("/integrations/12345/orders/" + orderNo + "/followup",
                new JsonObject().put("satisfied", false));
        assertEquals(409, again.statusCode(), "a returned order cannot be followed up");
    }

    @Test
    void onlyTwelveThreeFourFiveOrdersCanBeReturned() throws Exception {
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", token("enterprise-1"),
                new JsonObject().put("type", "DEMAND").put("content", "请协调人防工程竣工验收").put("projectId", "project-demo-1").encode());
        String id = new JsonObject(created.body()).getString("id");
        app.awaitAssessed(id); // routing follows the acknowledged create
        assertFalse(get("pukou-head", id).getJsonArray("actions").contains("return"));
        HttpResponse<String> response = app.sendJson("POST", "/api/v1/requests/" + id + "/return", token("pukou-head"),
                new JsonObject().put("reason", "NOT_OUR_DUTY").encode());
        assertEquals(409, response.statusCode(), response.body());
    }

    @Test
    void followUpForAnUnknownOrderIsNotFound() throws Exception {
        HttpResponse<String> response = signed("/integrations/12345/orders/GD-UNKNOWN-1/followup",
                new JsonObject().put("satisfied", true));
        assertEquals(404, response.statusCode(), response.body());
    }
}
