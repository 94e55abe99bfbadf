package cn.liaison.backend.platform.store;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis holds only what may be lost (dialogue turns, call context, rate-limit windows). When it
 * does not answer, reads of that state come back empty and writes are skipped, within a short
 * bound, so the caller keeps being served from MongoDB and the index instead of failing.
 */
public final class Ephemeral {

    private static final Logger LOG = LoggerFactory.getLogger(Ephemeral.class);

    /** How long a call waits for Redis before carrying on without it. */
    public static final long TIMEOUT_MS = 1500;

    private Ephemeral() {
    }

    /** {@code read}'s value, or {@code fallback} when Redis fails or is slow. */
    public static <T> Future<T> read(String what, Future<T> read, Supplier<T> fallback) {
        return read.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).recover(e -> {
            LOG.warn("Redis unavailable, {} starts afresh: {}", what, e.toString());
            return Future.succeededFuture(fallback.get());
        });
    }

    /** Completes when {@code write} did, or when it failed (the state is then simply not kept). */
    public static Future<Void> write(String what, Future<?> write) {
        return write.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).<Void>mapEmpty().recover(e -> {
            LOG.warn("Redis unavailable, {} not kept: {}", what, e.toString());
            return Future.succeededFuture();
        });
    }
}
