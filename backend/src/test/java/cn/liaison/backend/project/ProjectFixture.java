package cn.liaison.backend.project;

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

/** The real service with a movable clock and recorded notifications; starts Monday 2026-11-23 09:30 Beijing time. */
final class ProjectFixture implements AutoCloseable {

    final MutableClock clock;
    final RecordingNotifier notifier = new RecordingNotifier();
    final TestApp app;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, java.time.Instant> issued = new HashMap<>();

    ProjectFixture(Path dataDir) throws Exception {
        this(dataDir, "2026-11-23T09:30:00+08:00");
    }

    ProjectFixture(Path dataDir, String start) throws Exception {
        clock = MutableClock.at(start);
        app = TestApp.start(dataDir, Map.of(),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(notifier));
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

    HttpResponse<String> send(String user, String method, String path, JsonObject body) throws Exception {
        return app.sendJson(method, path, token(user), body == null ? "" : body.encode());
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return app.get(path, token(user));
    }

    JsonObject ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    JsonObject create(String user, JsonObject body) throws Exception {
        return ok(send(user, "POST", "/api/v1/projects", body), 201);
    }

    JsonObject patch(String user, String id, JsonObject body) throws Exception {
        return ok(send(user, "PATCH", "/api/v1/projects/" + id, body), 200);
    }

    int deliverProjectOutbox() throws Exception {
        return app.runJob("project-outbox").await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.close();
    }
}
