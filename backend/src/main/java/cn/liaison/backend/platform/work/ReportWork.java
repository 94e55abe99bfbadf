package cn.liaison.backend.platform.work;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Long work a caller asks for (the monthly summary, its XLSX, the ledger's CSV export). Its
 * computing runs on the named worker pool {@value #POOL}, never on an event loop, and at most
 * {@value #SLOTS} such jobs run at once on an instance: one more is refused at once with 503 and
 * {@code Retry-After} instead of queueing, so a burst of exports can pile up neither threads nor
 * memory. A slot is held for the whole job, streaming the answer included. A job is abandoned (its
 * {@code onExpiry} resets the response, and the slot is freed) when its answer has made no progress
 * for {@link #MAX_IDLE} (a client that stopped reading an export) or after {@link #MAX_TOTAL} in
 * all. A slow but steady download is not cut off; a fixed two-minute bound used to cut it, and cut
 * a held export in a test on a loaded machine.
 */
public final class ReportWork {

    public static final String POOL = "reports";
    public static final int SLOTS = 2;
    /** Without a byte of progress for this long, a job is abandoned (the client is gone or stuck). */
    public static final Duration MAX_IDLE = Duration.ofMinutes(2);
    /** No job holds a slot longer than this, however steadily it progresses. */
    public static final Duration MAX_TOTAL = Duration.ofMinutes(15);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final WorkerExecutor pool;
    private final Semaphore slots = new Semaphore(SLOTS);
    private final java.util.function.LongSupplier nanoTime;
    private final long maxIdleNanos;
    private final long maxTotalNanos;
    private final java.util.Set<Held> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReportWork(Vertx vertx) {
        this(vertx, System::nanoTime, MAX_IDLE, MAX_TOTAL);
        vertx.setPeriodic(CHECK_EVERY.toMillis(), id -> expireStalled());
    }

    /** With its own clock and bounds and no timer: tests call {@link #expireStalled()}. */
    ReportWork(Vertx vertx, java.util.function.LongSupplier nanoTime, Duration maxIdle, Duration maxTotal) {
        this.vertx = vertx;
        this.nanoTime = nanoTime;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxTotalNanos = maxTotal.toNanos();
        // Over 60 s on one task the blocked-thread checker warns: a report that slow is a bug to see.
        this.pool = vertx.createSharedWorkerExecutor(POOL, SLOTS, 60, TimeUnit.SECONDS);
    }

    /** One job in a slot: when it started, and when its progress last moved. */
    private final class Held {
        private final long started = nanoTime.getAsLong();
        private final java.util.function.LongSupplier progress;
        private final Runnable abandon;
        private long lastSeen;
        private long movedAt = started;

        Held(java.util.function.LongSupplier progress, Runnable abandon) {
            this.progress = progress;
            this.abandon = abandon;
            this.lastSeen = progress.getAsLong();
        }
    }

    /**
     * Runs {@code job} in a slot released when its future completes, or when {@code progress} (the
     * bytes of the answer written so far) has not moved for {@link #MAX_IDLE} or {@link #MAX_TOTAL}
     * has passed, after {@code onExpiry} was told to abandon it; fails with 503 when every slot is taken.
     */
    public <T> Future<T> inSlot(Supplier<Future<T>> job, Runnable onExpiry, java.util.function.LongSupplier progress) {
        if (!slots.tryAcquire()) {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAVAILABLE,
                    "同时生成的报表和导出已达上限（每个实例 " + SLOTS + " 个），请稍后重试"));
        }
        AtomicBoolean holding = new AtomicBoolean(true);
        Runnable release = () -> {
            if (holding.compareAndSet(true, false)) {
                slots.release();
            }
        };
        // abandoned from the check's timer, but on the caller's own context, as its response expects
        io.vertx.core.Context caller = vertx.getOrCreateContext();
        Held slot = new Held(progress, () -> caller.runOnContext(v -> {
            if (holding.get()) {
                release.run();
                onExpiry.run();
            }
        }));
        held.add(slot);
        Future<T> running;
        try {
            running = job.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        return running.andThen(done -> {
            held.remove(slot);
            release.run();
        });
    }

    /** Abandons the jobs whose answer stopped moving, or that ran too long; returns how many. */
    synchronized int expireStalled() {
        long now = nanoTime.getAsLong();
        int abandoned = 0;
        for (Held slot : held) {
            long seen = slot.progress.getAsLong();
            if (seen != slot.lastSeen) {
                slot.lastSeen = seen;
                slot.movedAt = now;
            }
            if (now - slot.movedAt >= maxIdleNanos || now - slot.started >= maxTotalNanos) {
                held.remove(slot);
                slot.abandon.run();
                abandoned++;
            }
        }
        return abandoned;
    }

    /** Slots free now (for tests). */
    int freeSlots() {
        return slots.availablePermits();
    }

    /** Computes on the reports pool (call it from inside a slot). */
    public <T> Future<T> compute(Callable<T> work) {
        return pool.executeBlocking(work, false);
    }

    /**
     * Streams {@code source} into {@code out}: documents are formatted {@code batch} at a time on the
     * reports pool, and the source waits while a batch is being formatted or written, so a client
     * reading slowly pauses the database cursor instead of filling memory.
     */
    public Future<Void> stream(ReadStream<JsonObject> source, int batch, Function<List<JsonObject>, Buffer> format,
                               WriteStream<Buffer> out) {
        Promise<Void> done = Promise.promise();
        List<JsonObject> pending = new ArrayList<>(batch);
        Future<Void>[] tail = new Future[] {Future.succeededFuture()};
        Function<List<JsonObject>, Future<Void>> flush = docs -> tail[0] = tail[0]
                .compose(v -> compute(() -> format.apply(docs)))
                .compose(out::write);
        source.exceptionHandler(e -> done.tryFail(e));
        source.endHandler(v -> flush.apply(List.copyOf(pending)).onComplete(done));
        source.handler(doc -> {
            pending.add(doc);
            if (pending.size() >= batch) {
                List<JsonObject> docs = List.copyOf(pending);
                pending.clear();
                source.pause();
                flush.apply(docs).onSuccess(v -> source.resume()).onFailure(e -> {
                    source.handler(null);
                    done.tryFail(e);
                });
            }
        });
        return done.future();
    }
}
