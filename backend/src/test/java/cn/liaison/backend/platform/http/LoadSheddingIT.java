package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load shedding at the edge with an injected limit ({@code HTTP_CONCURRENCY=writes=1}): while one
 * write is held in its handler, the next write is answered at once with a 503 problem carrying
 * {@code Retry-After}, counted in the metric, and changes nothing (also before its body has arrived:
 * admission comes before the body is read); reads still pass; once the held
 * write finishes, writes are admitted again.
 */
class LoadSheddingIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static volatile CountDownLatch entered;
    static final CompletableFuture<Void> RELEASE = new CompletableFuture<>();

    /** The global registry has no meter store unless METRICS_PORT is set: count in memory here. */
    static final io.micrometer.core.instrument.simple.SimpleMeterRegistry METERS = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        Metrics.addRegistry(METERS);
        app = TestApp.start(dataDir, Map.of("HTTP_CONCURRENCY", "writes=1,reports=1"),
                StartOptions.defaults()
                        .withRoutes(List.of(holdingRoute()), LoadSheddingIT::withHoldingOperation));
    }

    @AfterAll
    static void stop() {
        RELEASE.complete(null);
        Metrics.removeRegistry(METERS);
        if (app != null) {
            app.close();
        }
    }

    /** A write that stays in flight until the test releases it. */
    static Routes holdingRoute() {
        return builder -> builder.getRoute("testHold").addHandler(rc -> {
            var context = io.vertx.core.Vertx.currentContext();
            entered.countDown();
            RELEASE.thenRun(() -> context.runOnContext(v -> rc.response().end("held")));
        });
    }

    static JsonObject withHoldingOperation(JsonObject contract) {
        contract.getJsonObject("paths").put("/api/v1/test-hold", new JsonObject().put("post", new JsonObject()
                .put("operationId", "testHold").put("x-roles", new JsonArray().add("PUBLIC"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")))));
        return contract;
    }

    @Test
    void aWriteBeyondTheLimitIsRefusedAtOnceWithRetryAfterAndCounted() throws Exception {
        double shedBefore = shed("writes");
        entered = new CountDownLatch(1);
        String token = app.loginAs("enterprise-1");
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(HttpRequest.newBuilder(app.uri("/api/v1/test-hold"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture.anyOf(held, CompletableFuture.runAsync(() -> {
            try {
                entered.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).get(30, TimeUnit.SECONDS);
        assertTrue(entered.getCount() == 0, () -> "the held write reached its handler: "
                + (held.isDone() ? held.join().statusCode() + " " + held.join().body() : "not answered"));

        HttpResponse<String> refused = app.sendJson("POST", "/api/v1/requests", token,
                new JsonObject().put("content", "地下室人防工程需要办理哪些手续？").encode());
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(refused.body());
        assertEquals("/problems/unavailable", problem.getString("type"));
        assertEquals(503, problem.getInteger("status"));
        assertEquals(shedBefore + 1, shed("writes"), 0.0);

        // refused before its body is read: a create whose body has not (yet) arrived is answered at once
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"content\":")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertEquals("HTTP/1.1 503 Service Unavailable", status, "answered while 180 bytes of its body are still to come");
        }
        assertEquals(shedBefore + 2, shed("writes"), 0.0);

        // reads are not limited, and the refused writes stored nothing
        HttpResponse<String> ledger = app.get("/api/v1/requests", token);
        assertEquals(200, ledger.statusCode(), ledger.body());
        assertEquals(0, new JsonObject(ledger.body()).getJsonArray("items").size(), ledger.body());

        RELEASE.complete(null);
        assertEquals(200, held.get(20, TimeUnit.SECONDS).statusCode());
        HttpResponse<String> admitted = app.sendJson("POST", "/api/v1/requests", token,
                new JsonObject().put("content", "地下室人防工程需要办理哪些手续？").encode());
        assertEquals(201, admitted.statusCode(), admitted.body());
        assertEquals(shedBefore + 2, shed("writes"), 0.0);
    }

    @Test
    void classesFollowThePath() {
        assertEquals(RouteLimits.RouteClass.KB, RouteLimits.classify(io.vertx.core.http.HttpMethod.POST, "/api/v1/kb/answer"));
        assertEquals(RouteLimits.RouteClass.CHAT, RouteLimits.classify(io.vertx.core.http.HttpMethod.POST, "/api/v1/chat/messages"));
        assertEquals(RouteLimits.RouteClass.REPORTS, RouteLimits.classify(io.vertx.core.http.HttpMethod.GET, "/api/v1/requests/export.csv"));
        assertEquals(RouteLimits.RouteClass.REPORTS, RouteLimits.classify(io.vertx.core.http.HttpMethod.GET, "/api/v1/reports/monthly"));
        assertEquals(RouteLimits.RouteClass.WRITES, RouteLimits.classify(io.vertx.core.http.HttpMethod.POST, "/api/v1/requests/{id}/accept"));
        assertEquals(null, RouteLimits.classify(io.vertx.core.http.HttpMethod.GET, "/api/v1/requests"));
        assertEquals(null, RouteLimits.classify(io.vertx.core.http.HttpMethod.GET, "/health/ready"));
    }

    private static double shed(String routeClass) {
        var counter = METERS.find(RouteLimits.SHED_METRIC).tag("class", routeClass).counter();
        return counter == null ? 0 : counter.count();
    }
}
