package cn.liaison.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service (demo people) with a movable clock and recorded notifications; Monday 2026-11-23
 * 09:30 Beijing time. Shared by the plan and proactive-service tests.
 */
public final class FeatureFixture implements AutoCloseable {

    public final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final TestApp app;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> issued = new HashMap<>();

    public FeatureFixture(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    public FeatureFixture(Path dataDir, Map<String, String> env) throws Exception {
        app = TestApp.start(dataDir, env, StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(notifier));
    }

    public String token(String username) throws Exception {
        String token = tokens.get(username);
        if (token == null || issued.get(username).plus(Duration.ofHours(6)).isBefore(clock.instant())) {
            token = app.loginAs(username);
            tokens.put(username, token);
            issued.put(username, clock.instant());
        }
        return token;
    }

    public HttpResponse<String> send(String user, String method, String path, JsonObject body) throws Exception {
        return app.sendJson(method, path, token(user), body == null ? "" : body.encode());
    }

    public HttpResponse<String> get(String user, String path) throws Exception {
        return app.get(path, token(user));
    }

    public JsonObject ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    public int job(String name) throws Exception {
        return app.runJob(name).await(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.close();
    }
}
