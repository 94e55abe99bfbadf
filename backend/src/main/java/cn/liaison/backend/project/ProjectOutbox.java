package cn.liaison.backend.project;

import cn.liaison.backend.notify.Notification;
import cn.liaison.backend.notify.NotificationEvent;
import cn.liaison.backend.notify.Notifier;
import cn.liaison.backend.sla.RedisLock;
import cn.liaison.backend.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the projects' outboxes exactly as {@code notify.OutboxDispatcher} delivers the requests':
 * one instance at a time (Redis lease), through the same channels, removed on success, retried
 * with back-off, and after {@value #MAX_ATTEMPTS} failures kept in the project's
 * {@code failedNotifications}. The notification's {@code requestId} carries the project id; the
 * event ({@code POLICY_MATCHED}, …) tells channels it is about a project.
 */
public final class ProjectOutbox {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ProjectOutbox.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final String DELIVERED_TTL_S = Long.toString(Duration.ofDays(30).toSeconds());

    private final ProjectStore store;
    private final Notifier notifier;
    private final RedisLock lock;
    private final RedisAPI redis;
    private final Clock clock;

    public ProjectOutbox(ProjectStore store, Notifier notifier, RedisLock lock, RedisAPI redis, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.lock = lock;
        this.redis = redis;
        this.clock = clock;
    }

    /** One pass over due entries; returns how many were delivered. */
    public Future<Integer> runOnce() {
        return lock.tryAcquire("project-outbox", LEASE).compose(lease -> lease.isEmpty() ? Future.succeededFuture(0)
                : deliverDue().eventually(() -> lock.release(lease.get())));
    }

    private Future<Integer> deliverDue() {
        Instant now = clock.instant();
        return store.withDueOutbox(now, 100).compose(docs -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (JsonObject doc : docs) {
                for (Object item : doc.getJsonArray("outbox", new JsonArray())) {
                    JsonObject entry = (JsonObject) item;
                    Instant next = MongoDocs.instant(entry.getValue("nextAttemptAt"));
                    if (next != null && next.isAfter(now)) {
                        continue;
                    }
                    String projectId = doc.getString("_id");
                    chain = chain.compose(count -> deliver(projectId, entry, now).map(ok -> count + (ok ? 1 : 0)));
                }
            }
            return chain;
        });
    }

    private Future<Boolean> deliver(String projectId, JsonObject entry, Instant now) {
        String key = "delivered:" + entry.getString("id");
        return redis.exists(List.of(key))
                .compose(found -> found != null && found.toInteger() > 0 ? Future.succeededFuture()
                        : notifier.send(notification(projectId, entry))
                        .compose(sent -> redis.set(List.of(key, "1", "EX", DELIVERED_TTL_S)).mapEmpty()))
                .compose(sent -> store.pullOutboxEntry(projectId, entry.getString("id")))
                .map(true)
                .recover(error -> failed(projectId, entry, error, now).map(false));
    }

    static Notification notification(String projectId, JsonObject entry) {
        return new Notification(entry.getString("id"), projectId, NotificationEvent.valueOf(entry.getString("event")),
                entry.getJsonArray("recipients", new JsonArray()).stream().map(String::valueOf).toList(),
                entry.getString("title"), entry.getString("text"), MongoDocs.instant(entry.getValue("createdAt")));
    }

    private Future<Void> failed(String projectId, JsonObject entry, Throwable error, Instant now) {
        int attempts = entry.getInteger("attempts", 0) + 1;
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (attempts >= MAX_ATTEMPTS) {
            LOG.error("Notification {} for project {} failed {} times, giving up: {}", entry.getString("id"), projectId,
                    attempts, reason);
            return store.failOutboxEntry(projectId, entry.copy().put("attempts", attempts).put("lastError", reason)
                    .put("failedAt", MongoDocs.date(now)));
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        LOG.warn("Notification {} for project {} failed (attempt {}), retrying in {} s: {}", entry.getString("id"),
                projectId, attempts, wait.toSeconds(), reason);
        return store.markOutboxAttempt(projectId, entry.getString("id"), attempts, now.plus(wait), reason);
    }
}
