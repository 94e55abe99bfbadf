package cn.liaison.backend.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slots on an injected clock: a stalled answer is abandoned, a slow steady one is not, none holds past the total. */
class ReportWorkTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicLong now = new AtomicLong();
    private final ReportWork work = new ReportWork(vertx, now::get, Duration.ofSeconds(60), Duration.ofMinutes(15));

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    /** A job in a slot: the bytes its answer has written, and what abandoning it did. */
    private record Held(AtomicLong written, AtomicInteger abandoned, CompletableFuture<Void> gone, Promise<Void> job) {}

    private Held hold() {
        Held held = new Held(new AtomicLong(), new AtomicInteger(), new CompletableFuture<>(), Promise.promise());
        work.inSlot(held.job()::future, () -> {
            held.abandoned().incrementAndGet();
            held.gone().complete(null);
        }, held.written()::get);
        return held;
    }

    @Test
    void anAnswerThatStopsMovingIsAbandonedAndItsSlotFreed() throws Exception {
        Held held = hold();
        AtomicLong written = held.written();
        AtomicInteger abandoned = held.abandoned();
        CompletableFuture<Void> gone = held.gone();
        Promise<Void> job = held.job();
        assertEquals(ReportWork.SLOTS - 1, work.freeSlots());
        written.addAndGet(4096);
        pass(Duration.ofSeconds(59));
        assertEquals(0, work.expireStalled(), "moved within the minute");
        pass(Duration.ofSeconds(59));
        assertEquals(0, work.expireStalled(), "the minute counts from the last move");
        pass(Duration.ofSeconds(2));
        assertEquals(1, work.expireStalled());
        gone.get(10, TimeUnit.SECONDS); // abandoned on the caller's context
        assertEquals(1, abandoned.get());
        assertEquals(ReportWork.SLOTS, work.freeSlots());
        job.complete(); // finishing later frees nothing twice
        assertEquals(ReportWork.SLOTS, work.freeSlots());
        assertEquals(0, work.expireStalled());
    }

    @Test
    void aSlowSteadyDownloadKeepsItsSlotUntilTheTotalBound() throws Exception {
        Held held = hold();
        AtomicLong written = held.written();
        AtomicInteger abandoned = held.abandoned();
        CompletableFuture<Void> gone = held.gone();
        for (int minute = 0; minute < 14; minute++) { // far past the two minutes that used to cut it
            written.addAndGet(100_000);
            pass(Duration.ofSeconds(50));
            assertEquals(0, work.expireStalled(), "minute " + minute);
            written.addAndGet(100_000);
            pass(Duration.ofSeconds(10));
            work.expireStalled();
        }
        assertEquals(0, abandoned.get());
        written.addAndGet(100_000);
        pass(Duration.ofMinutes(1));
        assertEquals(1, work.expireStalled(), "15 minutes in all");
        gone.get(10, TimeUnit.SECONDS);
        assertEquals(1, abandoned.get());
    }

    @Test
    void aJobThatFinishesLeavesNothingToExpireAndBusySlotsRefuse() {
        Promise<Void> first = Promise.promise();
        Promise<Void> second = Promise.promise();
        assertFalse(work.inSlot(first::future, () -> { }, () -> 0).isComplete());
        assertFalse(work.inSlot(second::future, () -> { }, () -> 0).isComplete());
        assertTrue(work.inSlot(Promise.<Void>promise()::future, () -> { }, () -> 0).failed(), "every slot busy: 503");
        first.complete();
        second.complete();
        pass(Duration.ofHours(1));
        assertEquals(0, work.expireStalled());
        assertEquals(ReportWork.SLOTS, work.freeSlots());
    }
}
