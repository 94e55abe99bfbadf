package cn.liaison.backend.live;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing one MongoDB and one Redis, as behind nginx: an event raised on A reaches a
 * phone connected to B, a reconnect gets what it missed from either, and idle streams get heartbeats.
 */
class LiveEventsAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static EmbeddedMongo mongo;
    static EmbeddedRedis redis;
    static TestApp a;
    static TestApp b;

    @BeforeAll
    static void start() throws Exception {
        mongo = EmbeddedMongo.start(dir.resolve("stores"));
        redis = EmbeddedRedis.start(dir.resolve("stores"));
        Map<String, String> env = Map.of("MONGO_URI", mongo.connectionString(), "MONGO_DB", "live_test",
                "REDIS_URL", redis.url(), "JWT_SECRET", "live-events-test-secret-of-32-chars-or-more",
                "SSE_HEARTBEAT_S", "1");
        a = TestApp.start(dir.resolve("a"), env, cn.liaison.backend.StartOptions.defaults());
        b = TestApp.start(dir.resolve("b"), env, cn.liaison.backend.StartOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private static String token(TestApp app, String userId, Role role) throws Exception {
        return app.tokenFor(new Principal(userId, "测试" + userId, Set.of(role), "unit-pukou", null));
    }

    private static LiveEvent event(String type, String userId) {
        return new LiveEvent(null, type, "req-" + UUID.randomUUID(), "SQ20261123-0001", "ASSIGNED", "ASSIGN",
                "SQ20261123-0001 测试", "2026-11-23T09:30:00+08:00", List.of(userId));
    }

    private static SseClient stream(TestApp app, String token, String... extraHeaders) throws Exception {
        String[] headers = new String[extraHeaders.length + 2];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        SseClient client = SseClient.open(app.uri("/api/v1/events"), headers);
        assertEquals(200, client.status());
        assertTrue(client.header("Content-Type").startsWith("text/event-stream"), client.header("Content-Type"));
        return client;
    }

    @Test
    void eventRaisedOnOneInstanceReachesAStreamOnTheOther() throws Exception {
        String user = "user-live-1";
        try (SseClient onB = stream(b, token(b, user, Role.LIAISON));
             SseClient otherOnB = stream(b, token(b, "user-live-other", Role.LIAISON))) {
            onB.nextComment(WAIT);
            LiveEvent published = a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("assigned", user)).await(10, TimeUnit.SECONDS);

            SseClient.Frame frame = onB.next(WAIT);
            assertEquals("assigned", frame.event());
            assertEquals(published.id(), frame.id());
            assertEquals(published.requestId(), frame.json().getString("requestId"));
            assertTrue(otherOnB.drain(Duration.ofMillis(500)).isEmpty(), "someone else's event is not sent");
        }
    }

    @Test
    void reconnectWithLastEventIdGetsWhatWasMissedOnEitherInstance() throws Exception {
        String user = "user-live-2";
        String token = token(a, user, Role.LIAISON);
        String lastSeen;
        try (SseClient first = stream(a, token)) {
            first.nextComment(WAIT);
            a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("assigned", user)).await(10, TimeUnit.SECONDS);
            lastSeen = first.next(WAIT).id();
        }
        // While the phone is away: two events on A, one on B.
        LiveEvent m1 = a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("changed", user)).await(10, TimeUnit.SECONDS);
        LiveEvent m2 = b.port(cn.liaison.backend.live.LiveEvents.class).publish(event("reminder", user)).await(10, TimeUnit.SECONDS);
        LiveEvent m3 = a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("escalated", user)).await(10, TimeUnit.SECONDS);

        try (SseClient again = stream(b, token, "Last-Event-ID", lastSeen)) {
            assertEquals(m1.id(), again.next(WAIT).id());
            assertEquals(m2.id(), again.next(WAIT).id());
            SseClient.Frame third = again.next(WAIT);
            assertEquals(m3.id(), third.id());
            assertEquals("escalated", third.event());
            LiveEvent live = a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("changed", user)).await(10, TimeUnit.SECONDS);
            assertEquals(live.id(), again.next(WAIT).id(), "then live events follow, without repeats");
        }
    }

    @Test
    void resumingFromAnIdOlderThanTheKeptWindowAsksForAReload() throws Exception {
        String user = "user-live-3";
        a.port(cn.liaison.backend.live.LiveEvents.class).publish(event("changed", user)).await(10, TimeUnit.SECONDS);
        try (SseClient stream = stream(a, token(a, user, Role.LIAISON), "Last-Event-ID", "1-0")) {
            assertEquals("resync", stream.next(WAIT).event());
        }
    }

    @Test
    void idleStreamGetsHeartbeats() throws Exception {
        try (SseClient stream = stream(b, token(b, "user-live-4", Role.LIAISON))) {
            assertEquals("connected", stream.nextComment(WAIT));
            assertEquals("heartbeat", stream.nextComment(Duration.ofSeconds(3)));
            assertEquals("heartbeat", stream.nextComment(Duration.ofSeconds(3)));
        }
    }

    @Test
    void ticketOpensTheStreamOnceOnAnyInstance() throws Exception {
        String token = token(a, "user-live-5", Role.UNIT_HEAD);
        HttpResponse<String> issued = a.sendJson("POST", "/api/v1/events/ticket", token, "{}");
        assertEquals(200, issued.statusCode(), issued.body());
        String ticket = new JsonObject(issued.body()).getString("ticket");

        try (SseClient stream = SseClient.open(b.uri("/api/v1/events?ticket=" + ticket))) {
            assertEquals(200, stream.status());
        }
        HttpResponse<String> reused = b.get("/api/v1/events?ticket=" + ticket);
        assertEquals(401, reused.statusCode(), "a ticket works once");
        assertTrue(reused.body().contains("ticket"), reused.body());
    }

    @Test
    void streamNeedsAStaffLogin() throws Exception {
        assertEquals(401, a.get("/api/v1/events").statusCode());
        String enterprise = a.tokenFor(new Principal("user-ent", "企业", Set.of(Role.ENTERPRISE), null, "enterprise-x"));
        assertEquals(403, a.get("/api/v1/events", enterprise).statusCode());
        assertEquals(403, a.sendJson("POST", "/api/v1/events/ticket", enterprise, "{}").statusCode());
        URI bad = a.uri("/api/v1/events");
        assertEquals(400, a.send(java.net.http.HttpRequest.newBuilder(bad)
                .header("Authorization", "Bearer " + token(a, "user-live-6", Role.LIAISON))
                .header("Last-Event-ID", "not-an-id").GET()).statusCode());
    }
}
