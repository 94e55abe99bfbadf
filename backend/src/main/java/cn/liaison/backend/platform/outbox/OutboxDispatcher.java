package cn.liaison.backend.platform.outbox;

import cn.liaison.backend.platform.store.MongoDocs;
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
 * Delivers an outbox (the requests', the projects'): every notification written with a change is
 * sent by one instance at a time (Redis lease), removed on success, retried with exponential
 * back-off on failure, and after {@value #MAX_ATTEMPTS} failures moved to the document's
 * {@code failedNotifications} where staff see it. A delivered id is remembered in Redis before the
 * entry is removed, so a crash between the two does not send it again. A {@link DeliveryDeferred}
 * (quiet hours, rate limits) waits without using up an attempt.
 */
public final class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Held by the jobs service around each pass, so one instance delivers at a time. */
    public static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final String DELIVERED_TTL_S = Long.toString(Duration.ofDays(30).toSeconds());

    private final OutboxStore store;
    private final String name;
    private final Notifier notifier;
    private final RedisAPI redis;
    private final Clock clock;

    /** @param name what the documents are ("request", "project"), for the log lines */
    public OutboxDispatcher(OutboxStore store, String name, Notifier notifier, RedisAPI redis, Clock clock) {
        this.store = store;
        this.name = name;
        this.notifier = notifier;
        this.redis = redis;
        this.clock = clock;
    }

    /** One pass over due entries; returns how many were delivered. */
    public Future<Integer> runOnce() {
        return deliverDue();
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
                    String ownerId = doc.getString("_id");
                    chain = chain.compose(count -> deliver(ownerId, entry, now).map(ok -> count + (ok ? 1 : 0)));
                }
            }
            return chain;
        });
    }

    private Future<Boolean> deliver(String ownerId, JsonObject entry, Instant now) {
        String id = entry.getString("id");
        String key = "delivered:" + id;
        return redis.exists(List.of(key))
                .compose(found -> found != null && found.toInteger() > 0 ? Future.succeededFuture()
                        : notifier.send(Notification.fromOutbox(ownerId, entry))
                        .compose(sent -> redis.set(List.of(key, "1", "EX", DELIVERED_TTL_S)).mapEmpty()))
                .compose(sent -> store.pullOutboxEntry(ownerId, id))
                .map(true)
                .recover(error -> failed(ownerId, entry, error, now).map(false));
    }

    private Future<Void> failed(String ownerId, JsonObject entry, Throwable error, Instant now) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof DeliveryDeferred deferred) {
            // Not a failure: quiet hours or a rate limit. Waits without using up an attempt.
            LOG.info("Notification {} for {} {} deferred until {}: {}", entry.getString("id"), name, ownerId,
                    deferred.notBefore(), reason);
            return store.markOutboxAttempt(ownerId, entry.getString("id"), entry.getInteger("attempts", 0),
                    deferred.notBefore(), reason);
        }
        int attempts = entry.getInteger("attempts", 0) + 1;
        if (attempts >= MAX_ATTEMPTS) {
            LOG.error("Notification {} for {} {} failed {} times, giving up: {}", entry.getString("id"),
                    name, ownerId, attempts, reason);
            return store.failOutboxEntry(ownerId, entry.copy().put("attempts", attempts).put("lastError", reason)
                    .put("failedAt", MongoDocs.date(now)));
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        LOG.warn("Notification {} for {} {} failed (attempt {}), retrying in {} s: {}", entry.getString("id"),
                name, ownerId, attempts, wait.toSeconds(), reason);
        return store.markOutboxAttempt(ownerId, entry.getString("id"), attempts, now.plus(wait), reason);
    }
}
