package cn.liaison.backend.kb;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public answer endpoint is limited per client and minute, across the window's turn. */
class KbRateLimitIT {

    @TempDir
    Path dataDir;

    @Test
    void overTheLimitIs429WithRetryAfterUntilTheMinuteTurns() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:10+08:00");
        try (TestApp app = TestApp.start(dataDir, Map.of("KB_ANSWERS_PER_MINUTE", "2", "TRUSTED_PROXIES", "127.0.0.1"),
                StartOptions.defaults().withClock(clock))) {
            String q = "/api/v1/kb/answer?q=%E4%BA%BA%E9%98%B2";
            app.knowledgeBase().await(120, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(200, app.get(q).statusCode());
            assertEquals(200, app.get(q).statusCode());
            HttpResponse<String> limited = app.get(q);
            assertEquals(429, limited.statusCode());
            assertEquals("50", limited.headers().firstValue("Retry-After").orElse(""));
            assertEquals("/problems/too-many-requests", new JsonObject(limited.body()).getString("type"));

            HttpResponse<String> otherClient = app.send(HttpRequest.newBuilder(app.uri(q))
                    .header("X-Forwarded-For", "10.0.0.9"));
            assertEquals(200, otherClient.statusCode(), "the limit is per client");

            clock.advance(Duration.ofSeconds(50));
            assertEquals(200, app.get(q).statusCode(), "a new minute, a new allowance");
        }
    }
}
