package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.http.RouteLimits.Gate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The adaptive limit on its own clock: cut by slow answers, raised by fast ones while in use, held between floor and ceiling. */
class RouteLimitsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A clock reading below zero, as {@code System.nanoTime()} may give: admission must not mistake it for a refusal. */
    private final AtomicLong now = new AtomicLong(-1_000_000 * MS);

    private Gate gate(int ceiling, long targetMs) {
        return new Gate(ceiling, targetMs * MS, now::get);
    }

    /** Admits as many as the limit allows now and returns their start times. */
    private static List<Long> fill(Gate gate) {
        List<Long> starts = new ArrayList<>();
        for (long start; (start = gate.tryEnter()) != Gate.REFUSED; ) {
            starts.add(start);
        }
        return starts;
    }

    @Test
    void admitsUpToTheLimitAndRefusesTheNext() {
        Gate gate = gate(16, 30);
        assertEquals(16, gate.limit(), 0.0, "starts at the ceiling");
        List<Long> starts = fill(gate);
        assertEquals(16, starts.size());
        assertEquals(Gate.REFUSED, gate.tryEnter());
        gate.exit(starts.remove(0), true);
        assertTrue(gate.tryEnter() != Gate.REFUSED, "a finished request frees its place");
    }

    @Test
    void slowAnswersCutTheLimitByAQuarterOncePerTargetIntervalDownToTheFloor() {
        Gate gate = gate(16, 30);
        List<Long> starts = fill(gate);
        now.addAndGet(31 * MS);
        gate.exit(starts.remove(0), true);
        assertEquals(12, gate.limit(), 1e-9);
        gate.exit(starts.remove(0), true);
        assertEquals(12, gate.limit(), 1e-9, "many slow answers at once are one signal");
        now.addAndGet(30 * MS);
        gate.exit(starts.remove(0), true);
        assertEquals(9, gate.limit(), 1e-9);
        now.addAndGet(30 * MS);
        gate.exit(starts.remove(0), true);
        assertEquals(6.75, gate.limit(), 1e-9);
        while (gate.limit() > RouteLimits.FLOOR) {
            double before = gate.limit();
            now.addAndGet(30 * MS);
            gate.exit(starts.remove(0), true);
            assertEquals(Math.max(RouteLimits.FLOOR, before * 0.75), gate.limit(), 1e-9, "never below the floor");
        }
        now.addAndGet(30 * MS);
        gate.exit(starts.remove(0), true);
        assertEquals(RouteLimits.FLOOR, gate.limit(), 1e-9);
    }

    /** Cuts the gate's limit to the floor with slow answers; the clock then stands just after the last cut. */
    private void cutToTheFloor(Gate gate) {
        while (gate.limit() > RouteLimits.FLOOR) {
            long start = gate.tryEnter();
            now.addAndGet(31 * MS);
            gate.exit(start, true);
        }
    }

    @Test
    void fastAnswersRaiseTheLimitSlowlyWhileItIsUsedAndQuicklyOnceNothingWasSlowForASecond() {
        Gate gate = gate(20, 30);
        cutToTheFloor(gate);
        // one request at a time, soon after a cut: the limit is not what holds anything back, so it stays
        for (int i = 0; i < 100; i++) {
            long start = gate.tryEnter();
            now.addAndGet(5 * MS);
            gate.exit(start, true);
        }
        assertEquals(RouteLimits.FLOOR, gate.limit(), 1e-9);
        // full and fast, still within the second: 1/limit for each answer while half the places are taken
        List<Long> starts = fill(gate);
        now.addAndGet(5 * MS);
        starts.forEach(start -> gate.exit(start, true));
        double raised = gate.limit();
        assertTrue(raised > RouteLimits.FLOOR && raised < RouteLimits.FLOOR + 1, "raised slowly: " + raised);
        // a second after the last slow answer: one more per answer in time, up to the ceiling
        now.addAndGet(1_000 * MS);
        for (int i = 0; i < 5; i++) {
            long start = gate.tryEnter();
            gate.exit(start, true);
        }
        assertEquals(raised + 5, gate.limit(), 1e-9);
        for (int i = 0; i < 100; i++) {
            long start = gate.tryEnter();
            gate.exit(start, true);
        }
        assertEquals(20, gate.limit(), 1e-9);
    }

    @Test
    void answersThatSayNothingOfTheLoadAndFixedClassesLeaveTheLimitAlone() {
        Gate adaptive = gate(128, 30);
        long start = adaptive.tryEnter();
        now.addAndGet(500 * MS);
        adaptive.exit(start, false); // the caller went away before the answer, or it was a sign-in or an upload
        assertEquals(128, adaptive.limit(), 1e-9);
        assertEquals(0, adaptive.inFlight());

        Gate fixed = gate(2, 0);
        assertEquals(2, fixed.limit(), 1e-9);
        start = fixed.tryEnter();
        now.addAndGet(5_000 * MS);
        fixed.exit(start, true);
        assertEquals(2, fixed.limit(), 1e-9);
    }

    @Test
    void aCeilingBelowTheFloorIsKeptAsGiven() {
        Gate one = gate(1, 30);
        assertEquals(1, one.limit(), 1e-9);
        long start = one.tryEnter();
        assertEquals(Gate.REFUSED, one.tryEnter());
        now.addAndGet(100 * MS);
        one.exit(start, true);
        assertEquals(1, one.limit(), 1e-9);
    }

    @Test
    void configurationIsReadWithItsDefaultsAndBadValuesAreNamed() {
        RouteLimits limits = RouteLimits.parse("writes=40", "writes=0,chat=200");
        assertEquals(40, limits.limit(RouteLimits.RouteClass.WRITES), "no target: the ceiling");
        assertEquals(64, limits.limit(RouteLimits.RouteClass.CHAT), "adaptive classes start at their ceiling");
        assertEquals(2, limits.limit(RouteLimits.RouteClass.REPORTS));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RouteLimits.parse(null, "writes=-5"));
        assertTrue(bad.getMessage().contains("writes=-5"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RouteLimits.parse(null, "fast=5"));
        assertThrows(IllegalArgumentException.class, () -> RouteLimits.checkCeilings("writes=0"));
    }

    @Test
    void aRefusalOrALateAnswerStrainsTheEdgeForASecond() {
        RouteLimits limits = new RouteLimits(java.util.Map.of(RouteLimits.RouteClass.KB, 8, RouteLimits.RouteClass.CHAT, 8,
                RouteLimits.RouteClass.WRITES, 1, RouteLimits.RouteClass.REPORTS, 1),
                java.util.Map.of(RouteLimits.RouteClass.WRITES, java.time.Duration.ofMillis(30)), now::get);
        Gate writes = limits.gate(RouteLimits.RouteClass.WRITES);
        Gate reports = limits.gate(RouteLimits.RouteClass.REPORTS);
        long report = reports.tryEnter();
        assertEquals(Gate.REFUSED, reports.tryEnter());
        assertFalse(limits.strained(), "reports have no latency target: their refusal says nothing of the cores");
        long start = writes.tryEnter();
        now.addAndGet(10 * MS);
        writes.exit(start, true);
        assertFalse(limits.strained(), "answered in time");
        start = writes.tryEnter();
        assertEquals(Gate.REFUSED, writes.tryEnter());
        assertTrue(limits.strained(), "refused");
        now.addAndGet(999 * MS);
        assertTrue(limits.strained());
        now.addAndGet(2 * MS);
        assertFalse(limits.strained(), "a second later");
        writes.exit(start, true); // admitted 1,001 ms ago: late
        assertTrue(limits.strained(), "answered late");
        now.addAndGet(1_000 * MS);
        assertFalse(limits.strained());
        reports.exit(report, true);
    }
}
