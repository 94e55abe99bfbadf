package cn.liaison.backend.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings of issue 14, one test each, against the real service with embedded stores. */
class HostileFindingsIT {

    @TempDir
    static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of("HOTLINE_12345_SECRET", "a-test-secret-of-enough-length",
                "KB_ANSWERS_PER_MINUTE", "5"), List.of(), c -> c);
        app.knowledgeBase().await(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
    }

    @Test
    void acceptWithABodyThatIsNotAnObjectIsA400() throws Exception {
        String token = app.loginAs("pukou-liaison-1");
        for (String body : List.of("[]", "\"x\"", "1e999", "[{}]", "null")) {
            assertProblem(400, app.sendJson("POST", "/api/v1/requests/some-request/accept", token, body));
        }
    }

    @Test
    void invalidUtf8InTheQueryIsA400() throws Exception {
        assertProblem(400, app.get("/api/v1/kb/answer?q=%ED%A0%80"));
        assertProblem(400, app.get("/api/v1/kb/answer?q=%FF%FE"));
    }

    @Test
    void loneSurrogatesAndControlCharactersAreRefusedEverywhereAndNothingIsStored() throws Exception {
        Map<String, String> before = StoreFingerprint.of(app);
        String agent = app.loginAs("hotline-agent");
        String enterprise = app.loginAs("enterprise-1");
        String admin = app.loginAs("city-admin");
        for (String odd : List.of("\\ud800", "\\udc00x", "\\u0085", "\\u009b", "\\u0000", "\\u0007", "\\u202e")) {
            assertProblem(400, app.sendJson("POST", "/api/v1/hotline/assist", agent, "{\"text\":\"人防" + odd + "\"}"));
            assertProblem(400, app.sendJson("POST", "/api/v1/chat/messages", enterprise, "{\"text\":\"人防" + odd + "\"}"));
            assertProblem(400, app.sendJson("POST", "/api/v1/requests", enterprise,
                    "{\"type\":\"CONSULT\",\"content\":\"我想咨询人防工程" + odd + "的问题\"}"));
            assertProblem(400, app.sendJson("PUT", "/api/v1/admin/kb/entries/item-x/draft", admin, draft("标题" + odd)));
        }
        assertEquals(before, StoreFingerprint.of(app));
    }

    @Test
    void aKbDraftTitleHasAMaximumLength() throws Exception {
        String admin = app.loginAs("city-admin");
        HttpResponse<String> response = app.sendJson("PUT", "/api/v1/admin/kb/entries/item-x/draft", admin,
                draft("t".repeat(100_000)));
        assertProblem(400, response);
    }

    static String draft(String rawTitle) {
        return "{\"id\":\"item-x\",\"kind\":\"item\",\"title\":\"" + rawTitle + "\",\"questions\":[\"问\"],"
                + "\"answer\":\"答\",\"topics\":[\"t\"],\"region\":\"南京\",\"effective\":{},\"sources\":[]}";
    }

    @Test
    void anOverLongUrlIsA414Problem() throws Exception {
        assertProblem(414, app.get("/api/v1/kb/answer?q=" + "a".repeat(20_000)));
    }

    @Test
    void anInvalidProjectCursorIsA400LikeTheRequestList() throws Exception {
        String head = app.loginAs("pukou-head");
        assertProblem(400, app.get("/api/v1/projects?cursor=%7B%22%24gt%22%3A%22%22%7D", head));
        assertProblem(400, app.get("/api/v1/requests?cursor=not-a-cursor", head));
    }

    @Test
    void unknownQueryParametersAreRefused() throws Exception {
        String head = app.loginAs("pukou-head");
        HttpResponse<String> response = app.get("/api/v1/requests?nosuch=x", head);
        assertProblem(400, response);
        assertTrue(response.body().contains("\"nosuch\""), response.body());
        assertEquals(200, app.get("/api/v1/requests?limit=5", head).statusCode());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() throws Exception {
        String token = app.loginAs("enterprise-1");
        String key = "key-" + System.nanoTime();
        HttpResponse<String> first = app.send(HttpRequest.newBuilder(app.uri("/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CONSULT\",\"content\":\"人防工程易地建设费怎么缴纳\"}")));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> same = app.send(HttpRequest.newBuilder(app.uri("/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CONSULT\",\"content\":\"人防工程易地建设费怎么缴纳\"}")));
        assertEquals(200, same.statusCode(), same.body());
        Map<String, String> before = StoreFingerprint.of(app);
        HttpResponse<String> other = app.send(HttpRequest.newBuilder(app.uri("/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"COMPLAINT\",\"content\":\"完全不同的一件事\"}")));
        assertProblem(422, other);
        assertEquals(before, StoreFingerprint.of(app));
    }

    @Test
    void staffWhoMayNotReadAProjectCannotFileRequestsAboutIt() throws Exception {
        Map<String, String> before = StoreFingerprint.of(app);
        for (String user : List.of("pukou-edz-liaison", "hotline-agent")) {
            String token = app.loginAs(user);
            assertEquals(404, app.get("/api/v1/projects/project-demo-1", token).statusCode());
            HttpResponse<String> response = app.sendJson("POST", "/api/v1/requests", token,
                    "{\"type\":\"CONSULT\",\"content\":\"项目人防审批进度\",\"projectId\":\"project-demo-1\"}");
            assertProblem(404, response);
            assertFalse(response.body().contains("江浦示范"), response.body());
            assertFalse(response.body().contains("李娜"), response.body());
        }
        assertEquals(before, StoreFingerprint.of(app));
        HttpResponse<String> own = app.sendJson("POST", "/api/v1/requests", app.loginAs("pukou-liaison-1"),
                "{\"type\":\"CONSULT\",\"content\":\"项目人防审批进度\",\"projectId\":\"project-demo-1\"}");
        assertEquals(201, own.statusCode(), own.body());
    }

    @Test
    void aUnitHeadOpeningARequestWithoutUnitGetsNo500() throws Exception {
        String agent = app.loginAs("hotline-agent");
        String head = app.loginAs("pukou-head");
        int withoutUnit = 0;
        for (String content : List.of("你好", "楼上邻居装修噪音很大，晚上也施工", "我想问一下")) {
            HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", agent,
                    new JsonObject().put("content", content).put("type", "CONSULT").encode());
            assertEquals(201, created.statusCode(), created.body());
            JsonObject request = new JsonObject(created.body());
            if (request.getString("unitId") == null && request.getString("district") == null) {
                withoutUnit++;
            }
            HttpResponse<String> seen = app.get("/api/v1/requests/" + request.getString("id"), head);
            assertTrue(seen.statusCode() == 200 || seen.statusCode() == 404, seen.statusCode() + " " + seen.body());
        }
        assertTrue(withoutUnit > 0, "no request without a unit was produced");
    }

    @Test
    void rotatingForwardedForFromAnUntrustedPeerDoesNotEscapeTheRateLimit() throws Exception {
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/kb/answer?q=%E4%BA%BA%E9%98%B2"))
                    .header("X-Forwarded-For", "203.0.113." + i).GET());
            if (response.statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 3, "only " + limited + " of 8 limited");
    }

    @Test
    void anUnsignedMachineCallIsRefusedBeforeItsBodyIsRead() throws Exception {
        Map<String, String> before = StoreFingerprint.of(app);
        HttpResponse<String> response = app.post("/integrations/12345/orders", "application/json", "{\"orderNo\":1,\"bogus\":[]}");
        assertProblem(401, response);
        assertFalse(response.body().contains("orderNo"), response.body());
        assertProblem(401, app.post("/integrations/12345/orders", "application/json", "{broken"));
        assertEquals(before, StoreFingerprint.of(app));
    }
}
