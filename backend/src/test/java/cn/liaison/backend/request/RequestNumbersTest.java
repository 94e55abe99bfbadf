package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestNumbersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final long SECOND = 1_000_000_000L;

    /** The days' counters as the store keeps them, with each reservation's size, answered when the test says. */
    private static final class Counters {
        final Map<LocalDate, Long> seq = new HashMap<>();
        final List<Integer> reservations = new ArrayList<>();
        final List<Promise<Long>> pending = new ArrayList<>();
        boolean answerAtOnce = true;
        boolean down;

        Future<Long> reserve(LocalDate day, int count) {
            reservations.add(count);
            if (down) {
                return Future.failedFuture(new IllegalStateException("store down"));
            }
            long last = seq.merge(day, (long) count, Long::sum);
            if (answerAtOnce) {
                return Future.succeededFuture(last);
            }
            Promise<Long> promise = Promise.promise();
            pending.add(promise);
            return promise.future().map(v -> last);
        }

        void answer() {
            List<Promise<Long>> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(p -> p.complete(0L));
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final Counters counters = new Counters();
    private final RequestNumbers numbers = new RequestNumbers(counters::reserve, nanos::get);

    private long next(LocalDate day) {
        Future<Long> number = numbers.next(day);
        assertTrue(number.succeeded(), "answered at once: " + number.cause());
        return number.result();
    }

    @Test
    void slowRequestsReserveOneNumberEachInOrder() {
        for (int i = 1; i <= 5; i++) {
            nanos.addAndGet(2 * SECOND);
            assertEquals(i, next(DAY));
        }
        assertEquals(List.of(1, 1, 1, 1, 1), counters.reservations);
    }

    @Test
    void underLoadNumbersComeInBlocksOfATenthOfASecond() {
        // 200 requests in one second, each its own reservation while the rate is not yet known
        for (int i = 0; i < 200; i++) {
            next(DAY);
            nanos.addAndGet(SECOND / 200);
        }
        assertEquals(200, counters.reservations.size());
        counters.reservations.clear();
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            got.add(next(DAY));
            nanos.addAndGet(SECOND / 200);
        }
        // blocks of 20 (a tenth of the last second's 200): ten reservations, not 200, numbers still consecutive
        assertEquals(10, counters.reservations.size(), counters.reservations.toString());
        assertTrue(counters.reservations.stream().allMatch(n -> n == 20), counters.reservations.toString());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(201 + i, got.get(i));
        }
        // quiet again: back to one number a reservation, after the unused part of the block
        nanos.addAndGet(5 * SECOND);
        counters.reservations.clear();
        long after = next(DAY);
        assertEquals(401, after);
        assertEquals(List.of(1), counters.reservations);
    }

    @Test
    void callersWaitingOnAReservationAreServedInOrderWithOneReservationInFlight() {
        counters.answerAtOnce = false;
        List<Future<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(numbers.next(DAY));
        }
        assertEquals(1, counters.pending.size(), "one reservation in flight");
        for (int round = 0; round < 4; round++) {
            counters.answer();
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), waiting.stream().map(Future::result).toList());
        assertEquals(4, counters.reservations.size());
    }

    @Test
    void aNewDayStartsAtOneAndLeavesTheOldBlock() {
        for (int i = 0; i < 300; i++) {
            next(DAY);
            nanos.addAndGet(SECOND / 300);
        }
        nanos.set(SECOND); // the next second: 300 were handed out in the last one
        long lastOfDay = next(DAY); // from a block of 30
        assertEquals(30, counters.reservations.get(counters.reservations.size() - 1));
        assertEquals(1, next(DAY.plusDays(1)));
        assertEquals(lastOfDay, counters.seq.get(DAY) - 29, "the rest of the day's block is not used");
    }

    @Test
    void aFailedReservationFailsItsCallersAndTheNextCallTriesAgain() {
        counters.down = true;
        Future<Long> failed = numbers.next(DAY);
        assertTrue(failed.failed());
        assertEquals("store down", failed.cause().getMessage());
        counters.down = false;
        assertEquals(1, next(DAY));
    }

    @Test
    void numbersAreUniqueAcrossThreads() throws Exception {
        AtomicLong counter = new AtomicLong();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong();
        RequestNumbers shared = new RequestNumbers((day, count) -> {
            sizes.add(count);
            return Future.succeededFuture(counter.addAndGet(count));
        }, () -> clock.addAndGet(SECOND / 1_000));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 2_000; i++) {
                    // a caller may wait for another thread's reservation
                    seen.add(shared.next(DAY).toCompletionStage().toCompletableFuture().join());
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(8_000, seen.size(), "every number handed out once");
        assertTrue(sizes.size() < 8_000, "blocks were reserved under load: " + sizes.size() + " reservations");
        assertTrue(new HashSet<>(seen).stream().allMatch(n -> n >= 1 && n <= counter.get()));
    }
}
