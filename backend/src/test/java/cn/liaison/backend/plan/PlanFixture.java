package cn.liaison.backend.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real service (demo people) with a movable clock and recorded notifications; Monday 2026-11-23 09:30 Beijing time. */
final class PlanFixture implements AutoCloseable {

    final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    final RecordingNotifier notifier = new RecordingNotifier();
    final TestApp app;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> issued = new HashMap<>();

    PlanFixture(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    PlanFixture(Path dataDir, Map<String, String> env) throws Exception {
        app = TestApp.start(dataDir, env, StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(notifier));
    }

    String token(String username) throws Exception {
        String token = tokens.get(username);
        if (token == null || issued.get(username).plus(Duration.ofHours(6)).isBefore(clock.instant())) {
            token = app.loginAs(username);
            tokens.put(username, token);
            issued.put(username, clock.instant());
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

    int job(String name) throws Exception {
        return app.runJob(name).await(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.close();
    }
}
