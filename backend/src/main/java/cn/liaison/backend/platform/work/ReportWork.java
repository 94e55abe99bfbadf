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
 * memory. A slot is held for the whole job, streaming the answer included, and never longer than
 * {@link #MAX_HOLD} (a client that stops reading an export is cut off then).
 */
public final class ReportWork {

    public static final String POOL = "reports";
    public static final int SLOTS = 2;
    public static final Duration MAX_HOLD = Duration.ofMinutes(2);

    private final Vertx vertx;
    private final WorkerExecutor pool;
    private final Semaphore slots = new Semaphore(SLOTS);

    public ReportWork(Vertx vertx) {
        this.vertx = vertx;
        // Over 60 s on one task the blocked-thread checker warns: a report that slow is a bug to see.
        this.pool = vertx.createSharedWorkerExecutor(POOL, SLOTS, 60, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code job} in a slot released when its future completes (or after {@link #MAX_HOLD},
     * when {@code onExpiry} is told to abandon it); fails with 503 when every slot is taken.
     */
    public <T> Future<T> inSlot(Supplier<Future<T>> job, Runnable onExpiry) {
        if (!slots.tryAcquire()) {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAVAILABLE,
                    "同时生成的报表和导出已达上限（每个实例 " + SLOTS + " 个），请稍后重试"));
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        };
        long timer = vertx.setTimer(MAX_HOLD.toMillis(), id -> {
            if (held.get()) {
                release.run();
                onExpiry.run();
            }
        });
        Future<T> running;
        try {
            running = job.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        return running.andThen(done -> {
            vertx.cancelTimer(timer);
            release.run();
        });
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
