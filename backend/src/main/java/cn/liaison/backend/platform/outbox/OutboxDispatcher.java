package cn.liaison.backend.platform.outbox;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.StoredValues;
import cn.liaison.backend.platform.telemetry.Meters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an outbox (the requests', the projects'): every notification written with a change is
 * sent once: each entry is claimed in Redis by exactly one dispatcher before it is sent (the pass
 * itself runs under a Redis lease, which alone is not enough), removed on success (a pass removes
 * all it delivered in one bulk write at its end: each write is a commit), retried with exponential
 * back-off on failure, and after {@value #MAX_ATTEMPTS} failures moved to the document's
 * {@code failedNotifications} where staff see it, marked dead and counted ({@code liaison.outbox.dead}).
 * An entry that can never be sent (malformed, or a channel that throws on it) is dead at once. A delivered id is remembered in Redis before the
 * entry is removed, so a crash between the two does not send it again. A {@link DeliveryDeferred}
 * (quiet hours, rate limits) waits without using up an attempt.
 */
public final class OutboxDispatcher {

    public static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Held by the jobs service around each pass, so one instance delivers at a time. */
    public static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    /** How long a claimed entry is another dispatcher's: longer than any channel's send takes. */
    private static final String CLAIM_MS = Long.toString(Duration.ofMinutes(5).toMillis());
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
        Meters.outboxDeadRegistered(name);
    }

    /** One pass over due entries; returns how many were delivered. */
    public Future<Integer> runOnce() {
        return deliverDue();
    }

    /**
     * Each entry on its own: one that fails in any way (even its bookkeeping) is logged and left for
     * the next pass, and the entries after it are still delivered in this one.
     */
    private Future<Integer> deliverDue() {
        Instant now = clock.instant();
        return store.withDueOutbox(now, 100).compose(docs -> {
            // sent (or found sent before) this pass, pulled from their documents together at its end
            Map<String, List<String>> delivered = new LinkedHashMap<>();
            Future<Integer> chain = Future.succeededFuture(0);
            for (JsonObject doc : docs) {
                String ownerId = doc.getString("_id");
                for (Object item : doc.getJsonArray("outbox", new JsonArray())) {
                    if (!(item instanceof JsonObject entry)) {
                        // not an entry at all: nothing to send or to address it by; skipped, said once
                        StoredValues.unknown("outbox entry", item == null ? "null" : item.getClass().getSimpleName(), name, ownerId, "outbox");
                        continue;
                    }
                    if (!OutboxEntries.due(entry, now)) {
                        continue;
                    }
                    chain = chain.compose(count -> deliverOne(ownerId, entry, now, delivered)
                            .map(ok -> count + (ok ? 1 : 0))
                            .otherwise(e -> {
                                LOG.warn("Notification {} for {} {} left for the next pass: {}", entry.getValue("id"), name,
                                        ownerId, e.toString());
                                return count;
                            }));
                }
            }
            return chain.compose(count -> store.pullOutboxEntries(delivered).map(count).otherwise(e -> {
                // each was marked delivered first: a later pass pulls it once its claim expires, without sending it again
                LOG.warn("{} delivered notification(s) for {} not yet removed from their outbox: {}",
                        delivered.values().stream().mapToInt(List::size).sum(), name, e.toString());
                return count;
            }));
        });
    }

    /** A malformed entry can never be sent: it is dead at once; the others go to their channel. */
    private Future<Boolean> deliverOne(String ownerId, JsonObject entry, Instant now, Map<String, List<String>> delivered) {
        java.util.Optional<String> malformed = OutboxEntries.malformed(entry);
        if (malformed.isPresent()) {
            return dead(ownerId, entry, OutboxEntries.attempts(entry) + 1, malformed.get(), now).map(false);
        }
        return deliver(ownerId, entry, now, delivered);
    }

    /**
     * Claims the entry first ({@code SET NX}, one winner among every dispatcher on every instance)
     * and only the winner sends. The pass lease alone did not make delivery exclusive: a pass that
     * outlives it (slow channels under load) overlaps the next instance's pass over the same
     * entries, and a failed write of the delivered marker after a successful send made the entry
     * look undelivered. A claim of a sent entry is kept until it expires, long after the entry is
     * pulled; one whose send failed is released so the retry can claim it.
     */
    private Future<Boolean> deliver(String ownerId, JsonObject entry, Instant now, Map<String, List<String>> delivered) {
        String id = entry.getString("id");
        String claim = "outbox-claim:" + id;
        return redis.set(List.of(claim, "1", "NX", "PX", CLAIM_MS)).transform(reply -> {
            if (reply.failed()) {
                return failed(ownerId, entry, reply.cause(), now).map(false);
            }
            boolean won = reply.result() != null && "OK".equals(reply.result().toString());
            return won ? deliverClaimed(ownerId, entry, now, claim, delivered) : Future.succeededFuture(false);
        });
    }

    private Future<Boolean> deliverClaimed(String ownerId, JsonObject entry, Instant now, String claim,
                                           Map<String, List<String>> delivered) {
        String id = entry.getString("id");
        String key = "delivered:" + id;
        boolean[] sent = new boolean[1];
        return redis.exists(List.of(key))
                .compose(found -> found != null && found.toInteger() > 0 ? Future.succeededFuture()
                        : send(ownerId, entry)
                        .onSuccess(ok -> sent[0] = true)
                        .compose(ok -> redis.set(List.of(key, "1", "EX", DELIVERED_TTL_S)).<Void>mapEmpty()
                                // Sent is sent: a lost marker must not turn into a second send; the claim still guards it.
                                .recover(e -> {
                                    LOG.warn("Notification {} sent but not marked delivered: {}", id, e.toString());
                                    return Future.succeededFuture();
                                })))
                .map(ok -> {
                    delivered.computeIfAbsent(ownerId, k -> new ArrayList<>()).add(id);
                    return true;
                })
                .recover(error -> failed(ownerId, entry, error, now)
                        .eventually(() -> sent[0] ? Future.succeededFuture() : redis.del(List.of(claim)))
                        .map(false));
    }

    /**
     * A channel that throws instead of answering with a failed future cannot handle this entry (a
     * programming or data error, not an outage): asking again would throw again.
     */
    private Future<Void> send(String ownerId, JsonObject entry) {
        try {
            return notifier.send(Notification.fromOutbox(ownerId, entry));
        } catch (RuntimeException e) {
            return Future.failedFuture(new Undeliverable(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    /** Given up on: kept on the document ({@code failedNotifications}, marked dead), counted, logged once. */
    private Future<Void> dead(String ownerId, JsonObject entry, int attempts, String reason, Instant now) {
        LOG.error("Notification {} for {} {} is dead after {} attempt(s), kept in failedNotifications: {}",
                entry.getValue("id"), name, ownerId, attempts, reason);
        return store.failOutboxEntry(ownerId, entry.copy().put("attempts", attempts).put("lastError", reason)
                        .put("failedAt", MongoDocs.date(now)).put("dead", true))
                .onSuccess(v -> Meters.outboxDead(name));
    }

    /** A failure that retrying cannot cure. */
    static final class Undeliverable extends RuntimeException {
        Undeliverable(String message) {
            super(message, null, false, false);
        }
    }

    private Future<Void> failed(String ownerId, JsonObject entry, Throwable error, Instant now) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        int attempts = OutboxEntries.attempts(entry) + 1;
        if (error instanceof Undeliverable) {
            return dead(ownerId, entry, attempts, reason, now);
        }
        if (error instanceof DeliveryDeferred deferred) {
            // Not a failure: quiet hours or a rate limit. Waits without using up an attempt.
            LOG.info("Notification {} for {} {} deferred until {}: {}", entry.getString("id"), name, ownerId,
                    deferred.notBefore(), reason);
            return store.markOutboxAttempt(ownerId, entry.getString("id"), attempts - 1, deferred.notBefore(), reason);
        }
        if (attempts >= MAX_ATTEMPTS) {
            return dead(ownerId, entry, attempts, reason, now);
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
