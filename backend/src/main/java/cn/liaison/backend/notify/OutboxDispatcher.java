package cn.liaison.backend.notify;

import cn.liaison.backend.request.Events;
import cn.liaison.backend.request.RequestRepository;
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
 * Delivers the outbox: every notification written with a request change is sent by one instance at
 * a time (Redis lease), removed on success, retried with exponential back-off on failure, and after
 * {@value #MAX_ATTEMPTS} failures moved to the request's {@code failedNotifications} where staff
 * see it. A delivered id is remembered in Redis before the entry is removed, so a crash between the
 * two does not send it again.
 */
public final class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final String DELIVERED_TTL_S = Long.toString(Duration.ofDays(30).toSeconds());

    private final RequestRepository requests;
    private final Notifier notifier;
    private final RedisLock lock;
    private final RedisAPI redis;
    private final Clock clock;

    public OutboxDispatcher(RequestRepository requests, Notifier notifier, RedisLock lock, RedisAPI redis, Clock clock) {
        this.requests = requests;
        this.notifier = notifier;
        this.lock = lock;
        this.redis = redis;
        this.clock = clock;
    }

    /** One pass over due entries; returns how many were delivered. */
    public Future<Integer> runOnce() {
        return lock.tryAcquire("outbox", LEASE).compose(lease -> lease.isEmpty() ? Future.succeededFuture(0)
                : deliverDue().eventually(() -> lock.release(lease.get())));
    }

    private Future<Integer> deliverDue() {
        Instant now = clock.instant();
        return requests.withDueOutbox(now, 100).compose(docs -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (JsonObject doc : docs) {
                for (Object item : doc.getJsonArray("outbox", new JsonArray())) {
                    JsonObject entry = (JsonObject) item;
                    Instant next = MongoDocs.instant(entry.getValue("nextAttemptAt"));
                    if (next != null && next.isAfter(now)) {
                        continue;
                    }
                    String requestId = doc.getString("_id");
                    chain = chain.compose(count -> deliver(requestId, entry, now).map(ok -> count + (ok ? 1 : 0)));
                }
            }
            return chain;
        });
    }

    private Future<Boolean> deliver(String requestId, JsonObject entry, Instant now) {
        String id = entry.getString("id");
        String key = "delivered:" + id;
        return redis.exists(List.of(key))
                .compose(found -> found != null && found.toInteger() > 0 ? Future.succeededFuture()
                        : notifier.send(Events.fromOutbox(requestId, entry))
                        .compose(sent -> redis.set(List.of(key, "1", "EX", DELIVERED_TTL_S)).mapEmpty()))
                .compose(sent -> requests.pullOutboxEntry(requestId, id))
                .map(true)
                .recover(error -> failed(requestId, entry, error, now).map(false));
    }

    private Future<Void> failed(String requestId, JsonObject entry, Throwable error, Instant now) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof DeliveryDeferred deferred) {
            // Not a failure: quiet hours or a rate limit. Waits without using up an attempt.
            LOG.info("Notification {} for request {} deferred until {}: {}", entry.getString("id"), requestId,
                    deferred.notBefore(), reason);
            return requests.markOutboxAttempt(requestId, entry.getString("id"), entry.getInteger("attempts", 0),
                    deferred.notBefore(), reason);
        }
        int attempts = entry.getInteger("attempts", 0) + 1;
        if (attempts >= MAX_ATTEMPTS) {
            LOG.error("Notification {} for request {} failed {} times, giving up: {}", entry.getString("id"),
                    requestId, attempts, reason);
            return requests.failOutboxEntry(requestId, entry.copy().put("attempts", attempts).put("lastError", reason)
                    .put("failedAt", MongoDocs.date(now)));
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        LOG.warn("Notification {} for request {} failed (attempt {}), retrying in {} s: {}", entry.getString("id"),
                requestId, attempts, wait.toSeconds(), reason);
        return requests.markOutboxAttempt(requestId, entry.getString("id"), attempts, now.plus(wait), reason);
    }
}
