package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.outbox.FanOutNotifier;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Under overload (200–500 creates/s) notifications went out twice: a dispatcher pass that outlived
 * its 30 s lease overlapped the next pass over the same entries, and a delivered marker that Redis
 * failed to write after a successful send made the entry look undelivered. Here four dispatchers,
 * as four instances would, run passes over the same requests at the same time with a channel slow
 * enough that every pass sees every entry before any is removed: each entry goes out exactly once.
 */
class OutboxExactlyOnceIT {

    @TempDir
    Path dataDir;

    @Test
    void concurrentDispatchersNeverDeliverOneEntryTwice() throws Exception {
        try (LoopFixture loop = new LoopFixture(dataDir)) {
            submitAfterAnEmptyOutbox(loop, 15, "并发投递测试");
            Platform platform = loop.app.app().platform();
            RequestRepository repository = loop.app.port(RequestModule.class).repository();
            Set<String> pending = pendingIds(repository, loop.clock.instant());
            assertTrue(pending.size() >= 15, "every create wrote outbox entries: " + pending.size());

            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            Notifier slow = new Notifier() {
                @Override
                public String name() {
                    return "slow";
                }

                @Override
                public Future<Void> send(Notification notification) {
                    deliveries.computeIfAbsent(notification.id(), k -> new AtomicInteger()).incrementAndGet();
                    Promise<Void> done = Promise.promise();
                    platform.vertx().setTimer(20, t -> done.complete());
                    return done.future();
                }
            };
            List<OutboxDispatcher> dispatchers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                dispatchers.add(new OutboxDispatcher(repository, "request",
                        new FanOutNotifier(List.of(slow), platform.stores().redis()), platform.stores().redis(), loop.clock));
            }
            for (int round = 0; round < 5 && !pendingIds(repository, loop.clock.instant()).isEmpty(); round++) {
                Future.all(dispatchers.stream().map(OutboxDispatcher::runOnce).toList()).await(120, TimeUnit.SECONDS);
            }

            assertEquals(Set.of(), pendingIds(repository, loop.clock.instant()), "every entry delivered and removed");
            Map<String, Integer> twice = deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
            assertEquals(Map.of(), twice, "entries sent more than once");
            assertEquals(pending, deliveries.keySet(), "each pending entry sent");
        }
    }

    /**
     * Every write is a commit of the embedded store's file: a pass removes what it delivered from all
     * its documents in one bulk write, not one update per entry.
     */
    @Test
    void aPassRemovesEveryDeliveredEntryInOneWrite() throws Exception {
        try (LoopFixture loop = new LoopFixture(dataDir)) {
            submitAfterAnEmptyOutbox(loop, 6, "批量移除测试");
            RequestRepository repository = loop.app.port(RequestModule.class).repository();
            Set<String> pending = pendingIds(repository, loop.clock.instant());
            assertTrue(pending.size() >= 6, "every create wrote outbox entries: " + pending.size());
            // the driver's command timers (as /metrics shows them), counted here
            var counted = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            io.micrometer.core.instrument.Metrics.addRegistry(counted);
            try {
                assertEquals(pending.size(), loop.deliverOutbox(), "each pending entry delivered in one pass");

                assertEquals(Set.of(), pendingIds(repository, loop.clock.instant()), "and removed");
                assertEquals(1, counted.find("mongodb.driver.commands").tag("command", "update").timers().stream()
                        .mapToLong(t -> t.count()).sum(), "with one update command for the pass");
            } finally {
                io.micrometer.core.instrument.Metrics.removeRegistry(counted);
            }
        }
    }

    /** Delivers what the demo data left pending, then submits {@code count} requests, each with outbox entries. */
    private static void submitAfterAnEmptyOutbox(LoopFixture loop, int count, String label) throws Exception {
        loop.deliverOutbox();
        for (int i = 0; i < count; i++) {
            loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND").put("projectId", "project-demo-1")
                    .put("content", label + "第" + i + "件：请协调人防竣工验收"));
        }
    }

    private static Set<String> pendingIds(RequestRepository repository, Instant now) throws Exception {
        Set<String> ids = new HashSet<>();
        for (JsonObject doc : repository.withDueOutbox(now, 1000).await(30, TimeUnit.SECONDS)) {
            for (Object item : doc.getJsonArray("outbox")) {
                JsonObject entry = (JsonObject) item;
                Instant next = cn.liaison.backend.platform.store.MongoDocs.instant(entry.getValue("nextAttemptAt"));
                if (next == null || !next.isAfter(now)) {
                    ids.add(entry.getString("id"));
                }
            }
        }
        return ids;
    }
}
