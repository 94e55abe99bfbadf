package cn.liaison.backend.request;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service with embedded stores, a clock the test moves, notifications recorded in memory,
 * and the scheduler and outbox run by hand. Starts on Monday 2026-11-23 09:30 Beijing time.
 */
final class LoopFixture implements AutoCloseable {

    static final String START = "2026-11-23T09:30:00+08:00";

    final MutableClock clock = MutableClock.at(START);
    final RecordingNotifier notifier = new RecordingNotifier();
    final TestApp app;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, java.time.Instant> issued = new HashMap<>();

    LoopFixture(Path dataDir) throws Exception {
        app = TestApp.start(dataDir, Map.of(),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(notifier));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    String token(String username) throws Exception {
        String token = tokens.get(username);
        java.time.Instant now = clock.instant();
        // Tokens expire on the test's clock too: sign in again once the clock has moved on.
        if (token == null || issued.get(username).plus(java.time.Duration.ofHours(6)).isBefore(now)) {
            token = app.loginAs(username);
            tokens.put(username, token);
            issued.put(username, now);
        }
        return token;
    }

    HttpResponse<String> post(String user, String path, JsonObject body) throws Exception {
        return app.sendJson("POST", path, token(user), body.encode());
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return app.get(path, token(user));
    }

    /**
     * Submits a request as {@code user} (201 expected), waits for its assessment event (routing
     * follows the acknowledged create) and returns it as {@code user} reads it then.
     */
    JsonObject submit(String user, JsonObject body) throws Exception {
        HttpResponse<String> response = post(user, "/api/v1/requests", body);
        assertEquals(201, response.statusCode(), response.body());
        String id = new JsonObject(response.body()).getString("id");
        app.awaitAssessed(id);
        HttpResponse<String> after = get(user, "/api/v1/requests/" + id);
        assertEquals(200, after.statusCode(), after.body());
        return new JsonObject(after.body());
    }

    /** Performs an action and returns the request after it (200 expected). */
    JsonObject act(String user, String id, String action, JsonObject body) throws Exception {
        HttpResponse<String> response = post(user, "/api/v1/requests/" + id + "/" + action, body);
        assertEquals(200, response.statusCode(), action + ": " + response.body());
        return new JsonObject(response.body());
    }

    int runScheduler() throws Exception {
        return app.runJob("sla").await(30, TimeUnit.SECONDS);
    }

    int deliverOutbox() throws Exception {
        return app.runJob("outbox").await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.close();
    }
}
