package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP edge against the real application and embedded stores: every error is problem+json. */
class HttpEdgeIT {

    @TempDir
    static Path dataDir;
    static TestApp app;

    /** A test-only operation with a body schema, so validation is exercised by the real router. */
    static JsonObject withTestOperations(JsonObject contract) {
        JsonObject schema = new JsonObject()
                .put("type", "object")
                .put("required", new JsonArray().add("content"))
                .put("additionalProperties", false)
                .put("properties", new JsonObject()
                        .put("content", new JsonObject().put("type", "string").put("minLength", 1).put("maxLength", 20))
                        .put("count", new JsonObject().put("type", "integer").put("minimum", 0)));
        JsonObject ok = new JsonObject().put("200", new JsonObject().put("description", "ok"));
        contract.getJsonObject("paths")
                .put("/api/v1/test/echo", new JsonObject().put("post", new JsonObject()
                        .put("operationId", "testEcho")
                        .put("security", new JsonArray())
                        .put("x-roles", new JsonArray().add("PUBLIC"))
                        .put("requestBody", new JsonObject().put("required", true).put("content",
                                new JsonObject().put("application/json", new JsonObject().put("schema", schema))))
                        .put("responses", ok)))
                .put("/api/v1/test/boom", new JsonObject().put("get", new JsonObject()
                        .put("operationId", "testBoom")
                        .put("security", new JsonArray())
                        .put("x-roles", new JsonArray().add("PUBLIC"))
                        .put("responses", ok)));
        return contract;
    }

    @BeforeAll
    static void start() throws Exception {
        Routes testRoutes = builder -> {
            builder.getRoute("testEcho").addHandler(rc -> rc.json(rc.body().asJsonObject()));
            builder.getRoute("testBoom").addHandler(rc -> {
                throw new IllegalStateException("db password=hunter2 at internal.Class");
            });
        };
        app = TestApp.start(dataDir, Map.of("BODY_LIMIT_BYTES", "2048"), List.of(testRoutes), HttpEdgeIT::withTestOperations);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void readyIsUpWhenBothStoresAnswer() throws Exception {
        // Ready also waits for the knowledge-base index (built in the background after start).
        app.knowledgeBase().await(120, java.util.concurrent.TimeUnit.SECONDS);
        HttpResponse<String> response = app.get("/health/ready");

        assertEquals(200, response.statusCode());
        JsonObject body = new JsonObject(response.body());
        assertEquals("UP", body.getJsonObject("checks").getString("mongo"));
        assertEquals("UP", body.getJsonObject("checks").getString("redis"));
        assertEquals("UP", body.getJsonObject("checks").getString("knowledgeBase"));
    }

    @Test
    void brokenJsonToAnyApiPathIsA400Problem() throws Exception {
        for (String path : List.of("/api/v1/test/echo", "/api/v1/requests", "/api/v1/nothing/here")) {
            for (String contentType : new String[] {"application/json", "application/x-www-form-urlencoded", null}) {
                HttpResponse<String> response = app.post(path, contentType, "{\"content\": \"缺一个括号\"");

                assertProblem(response, 400, "/problems/malformed-json");
            }
        }
    }

    @Test
    void validBodyReachesTheHandler() throws Exception {
        HttpResponse<String> response = app.post("/api/v1/test/echo", "application/json", "{\"content\":\"你好\",\"count\":2}");

        assertEquals(200, response.statusCode());
        assertEquals("你好", new JsonObject(response.body()).getString("content"));
    }

    @Test
    void schemaViolationsNameEachField() throws Exception {
        HttpResponse<String> response = app.post("/api/v1/test/echo", "application/json",
                "{\"count\": -1, \"extra\": true}");

        JsonObject problem = assertProblem(response, 400, "/problems/validation");
        Set<String> fields = problem.getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field"))
                .collect(Collectors.toSet());
        assertTrue(fields.contains("content"), fields.toString());
    }

    @Test
    void wrongTypeIsReportedOnItsField() throws Exception {
        HttpResponse<String> response = app.post("/api/v1/test/echo", "application/json", "{\"content\": 42}");

        JsonObject problem = assertProblem(response, 400, "/problems/validation");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("content", error.getString("field"));
        assertEquals("类型不正确", error.getString("detail"));
    }

    @Test
    void missingBodyIsA400() throws Exception {
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/test/echo"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Content-Type", "application/json"));

        assertProblem(response, 400, "/problems/validation");
    }

    @Test
    void unknownRouteIsA404Problem() throws Exception {
        assertProblem(app.get("/api/v1/does-not-exist"), 404, "/problems/not-found");
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        assertProblem(app.post("/health/live", "application/json", "{}"), 405, "/problems/method-not-allowed");
    }

    @Test
    void wrongContentTypeIsA415Problem() throws Exception {
        HttpResponse<String> response = app.post("/api/v1/test/echo", "text/xml", "<content>x</content>");

        assertProblem(response, 415, "/problems/unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIsA413Problem() throws Exception {
        String big = "{\"content\":\"" + "x".repeat(4096) + "\"}";

        assertProblem(app.post("/api/v1/test/echo", "application/json", big), 413, "/problems/payload-too-large");
    }

    @Test
    void unexpectedFailureIsA500WithRequestIdAndNothingInternal() throws Exception {
        HttpResponse<String> response = app.get("/api/v1/test/boom");

        JsonObject problem = assertProblem(response, 500, "/problems/internal");
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), problem.getString("requestId"));
        assertFalse(response.body().contains("hunter2"));
        assertFalse(response.body().contains("IllegalStateException"));
    }

    @Test
    void wellFormedRequestIdIsEchoedAndMalformedOneReplaced() throws Exception {
        HttpResponse<String> kept = app.send(HttpRequest.newBuilder(app.uri("/health/live"))
                .header("X-Request-Id", "call-20261122-0001"));
        HttpResponse<String> replaced = app.send(HttpRequest.newBuilder(app.uri("/health/live"))
                .header("X-Request-Id", "bad id with spaces!"));

        assertEquals("call-20261122-0001", kept.headers().firstValue("X-Request-Id").orElseThrow());
        String fresh = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(fresh.matches("[0-9a-f-]{36}"), fresh);
    }

    @Test
    void contractAndDocsAreServed() throws Exception {
        HttpResponse<String> contract = app.get("/openapi.yaml");
        assertEquals(200, contract.statusCode());
        assertTrue(contract.body().contains("operationId: healthReady"));
        assertTrue(contract.body().contains("application/problem+json"), "published contract keeps problem+json");

        HttpResponse<String> docs = app.get("/docs/");
        assertEquals(200, docs.statusCode());
        assertTrue(docs.body().contains("/openapi.yaml"));
        assertEquals(200, app.get("/docs/swagger-ui-bundle.js").statusCode());
    }

    static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = new JsonObject(response.body());
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInteger("status"));
        assertFalse(problem.getString("title", "").isBlank());
        assertFalse(problem.getString("detail", "").isBlank());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        return problem;
    }
}
