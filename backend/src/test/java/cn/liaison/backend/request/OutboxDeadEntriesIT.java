package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.platform.store.MongoDocs;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox entries that can never be delivered (no id, an event no constant names, no title, a channel
 * that throws on them, a stored attempt count that is not a number) were tried on every scan for
 * ever, or broke the scan for the entries after them. A malformed entry is now dead at once, one a
 * channel keeps refusing after {@code MAX_ATTEMPTS}: kept on the request in
 * {@code failedNotifications} (marked dead, with the reason), counted, and the good entries around
 * them are delivered. The clock is the test's; no sleeps.
 */
class OutboxDeadEntriesIT {

    @TempDir
    Path dataDir;

    @Test
    void malformedEntriesDieOnceAndTheRestIsDelivered() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try (LoopFixture loop = new LoopFixture(dataDir)) {
            String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND").put("projectId", "project-demo-1")
                    .put("content", "人防竣工验收资料需要补充哪些，请协调")).getString("id");
            loop.deliverOutbox();
            Platform platform = loop.app.app().platform();
            RequestRepository repository = loop.app.port(RequestModule.class).repository();
            Object now = MongoDocs.date(loop.clock.instant());
            JsonArray entries = new JsonArray()
                    .add(entry("bad-kind", now).put("event", "TELEPATHY"))
                    .add(entry("no-title", now).putNull("title"))
                    .add(entry(null, now))
                    .add(entry("poison", now))
                    .add(entry("flaky", now))
                    .add(entry("odd-attempts", now).put("attempts", "three"))
                    .add("not an entry")
                    .add(entry("good", now));
            platform.stores().mongo().updateCollection(RequestRepository.COLLECTION, new JsonObject().put("_id", id),
                    new JsonObject().put("$push", new JsonObject().put("outbox", new JsonObject().put("$each", entries))))
                    .await(30, TimeUnit.SECONDS);

            Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
            Notifier channel = new Notifier() {
                @Override
                public String name() {
                    return "test";
                }

                @Override
                public Future<Void> send(Notification n) {
                    calls.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
                    if (n.id().equals("poison")) {
                        throw new IllegalArgumentException("cannot render this notification");
                    }
                    if (n.id().equals("flaky")) {
                        return Future.failedFuture(new IllegalStateException("channel refuses"));
                    }
                    return Future.succeededFuture();
                }
            };
            OutboxDispatcher dispatcher = new OutboxDispatcher(repository, "request", channel, platform.stores().redis(), loop.clock);
            for (int pass = 0; pass < 25; pass++) {
                dispatcher.runOnce().await(60, TimeUnit.SECONDS);
                loop.clock.advance(Duration.ofMinutes(31));
            }

            JsonObject doc = platform.stores().mongo().findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", id), null)
                    .await(30, TimeUnit.SECONDS);
            JsonArray left = doc.getJsonArray("outbox", new JsonArray());
            assertTrue(left.stream().noneMatch(e -> e instanceof JsonObject), "nothing left to retry: " + left.encode());
            Map<String, JsonObject> dead = doc.getJsonArray("failedNotifications", new JsonArray()).stream()
                    .map(e -> (JsonObject) e).collect(Collectors.toMap(e -> String.valueOf(e.getString("id")), e -> e));
            assertEquals(Set.of("bad-kind", "no-title", "null", "poison", "flaky"), dead.keySet(), doc.encodePrettily());
            dead.values().forEach(e -> assertTrue(e.getBoolean("dead", false) && e.getString("lastError") != null, e.encode()));
            assertEquals(1, dead.get("bad-kind").getInteger("attempts"), "a malformed entry is not retried");
            assertEquals(1, calls.get("poison").get(), "a channel that throws on an entry is not asked again");
            assertEquals(OutboxDispatcher.MAX_ATTEMPTS, calls.get("flaky").get(), "a refused entry is tried a bounded number of times");
            assertEquals(1, calls.get("good").get());
            assertEquals(1, calls.get("odd-attempts").get());
            assertEquals(5.0, meters.counter("liaison.outbox.dead", "kind", "request").count());

            HttpResponse detail = new HttpResponse(loop.get("city-admin", "/api/v1/requests/" + id));
            assertEquals(200, detail.status(), detail.body());
            assertEquals(5, new JsonObject(detail.body()).getJsonArray("failedNotifications").size(), detail.body());
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    private record HttpResponse(int status, String body) {
        HttpResponse(java.net.http.HttpResponse<String> r) {
            this(r.statusCode(), r.body());
        }
    }

    private static JsonObject entry(String id, Object at) {
        JsonObject e = new JsonObject().put("event", "ASSIGNED").put("recipients", new JsonArray().add("user-pukou-liaison-1"))
                .put("title", "测试通知").put("text", "一条测试通知").put("createdAt", at).put("nextAttemptAt", at).put("attempts", 0);
        return id == null ? e : e.put("id", id);
    }
}
