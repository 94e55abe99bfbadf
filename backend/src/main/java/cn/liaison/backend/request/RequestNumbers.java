package cn.liaison.backend.request;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Hands out each day's request numbers (1, 2, 3 … per day), reserving them from the day's counter
 * in the store. When requests come slowly every number is its own reservation, so numbers follow
 * the order requests were made and none is skipped. When they come fast, each reservation takes a
 * block sized to about a tenth of a second of the last second's requests (at most {@link #MAX_BLOCK}),
 * so that a create does not pay a store write and its commit for its number: at 200 creates a second
 * that is 20 a block and 10 reservations a second instead of 200.
 *
 * <p>What that costs: numbers of a block not handed out when the instance stops, or when the day
 * ends, are never used (a gap of at most one block), and with several instances under load two
 * requests made one after the other may get numbers out of order. Numbers stay unique: every
 * block comes from one atomic increment of the day's counter.
 *
 * <p>Callers waiting while a reservation is under way are served from it in arrival order, and
 * what it does not cover starts the next one; at most one reservation is in flight.
 */
final class RequestNumbers {

    /** The most numbers one reservation takes. */
    static final int MAX_BLOCK = 100;
    private static final long SECOND = 1_000_000_000L;

    /** Reserves {@code count} more numbers of {@code day}; completes with the last of them. */
    private final BiFunction<LocalDate, Integer, Future<Long>> reserve;
    private final LongSupplier nanoTime;

    private LocalDate day;
    /** The next number of the block and the block's last one: {@code next > last} when it is used up. */
    private long next = 1;
    private long last = 0;
    private boolean reserving;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** Numbers handed out in the current and the previous one-second window. */
    private long windowStart;
    private int thisWindow;
    private int previousWindow;

    private record Waiting(LocalDate day, Context context, Promise<Long> promise) {
        Runnable completion(long number) {
            return () -> onContext(() -> promise.complete(number));
        }

        Runnable failure(Throwable cause) {
            return () -> onContext(() -> promise.fail(cause));
        }

        private void onContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }
    }

    RequestNumbers(BiFunction<LocalDate, Integer, Future<Long>> reserve, LongSupplier nanoTime) {
        this.reserve = reserve;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /** The next number of {@code day}; completed on the caller's Vert.x context, if it has one. */
    Future<Long> next(LocalDate day) {
        Promise<Long> promise = Promise.promise();
        Step step;
        synchronized (this) {
            waiting.add(new Waiting(day, Vertx.currentContext(), promise));
            step = serveOrReserve();
        }
        step.run(this);
        return promise.future();
    }

    /** What to do outside the lock: complete the callers served, then start a reservation (of {@code size} on {@code day}). */
    private record Step(List<Runnable> completions, LocalDate day, int size) {
        void run(RequestNumbers numbers) {
            completions.forEach(Runnable::run);
            if (size > 0) {
                numbers.startReservation(day, size);
            }
        }
    }

    /** Serves waiting callers from the block; when some remain and no reservation is in flight, says to start one. */
    private Step serveOrReserve() {
        List<Runnable> completions = new ArrayList<>();
        while (!waiting.isEmpty()) {
            Waiting first = waiting.peek();
            if (first.day().equals(day) && next <= last) {
                waiting.poll();
                count();
                completions.add(first.completion(next++));
                continue;
            }
            if (reserving) {
                break;
            }
            reserving = true;
            if (!first.day().equals(day)) {
                day = first.day(); // a new day: what was left of the old day's block is not used
                next = 1;
                last = 0;
            }
            return new Step(completions, day, blockSize());
        }
        return new Step(completions, null, 0);
    }

    private void startReservation(LocalDate forDay, int count) {
        Future<Long> reserved;
        try {
            reserved = reserve.apply(forDay, count);
        } catch (RuntimeException e) {
            reserved = Future.failedFuture(e);
        }
        reserved.onComplete(result -> {
            Step step;
            List<Waiting> failed = List.of();
            synchronized (this) {
                reserving = false;
                if (result.succeeded()) { // the day changes only between reservations
                    last = result.result();
                    next = last - count + 1;
                } else if (result.failed()) {
                    // the callers waiting now fail with it (the store is down); later ones try again
                    failed = new ArrayList<>(waiting);
                    waiting.clear();
                }
                step = serveOrReserve();
            }
            failed.forEach(w -> w.failure(result.cause()).run());
            step.run(this);
        });
    }

    /** About a tenth of a second of numbers at the rate of the last full second, at least one. */
    private int blockSize() {
        roll();
        return (int) Math.max(1, Math.min(MAX_BLOCK, previousWindow / 10));
    }

    private void count() {
        roll();
        thisWindow++;
    }

    private void roll() {
        long now = nanoTime.getAsLong();
        long windows = (now - windowStart) / SECOND;
        if (windows >= 1) {
            previousWindow = windows == 1 ? thisWindow : 0;
            thisWindow = 0;
            windowStart += windows * SECOND;
        }
    }
}
