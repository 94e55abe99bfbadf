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

/** The adaptive limit on its own clock: cut by windows of slow answers, raised by fast ones while it binds, held between floor and ceiling. */
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
        assertEquals(RouteLimits.REST / 2, gate.limit(), 0.0, "starts as an idle class does: at half its resting level");
        List<Long> starts = fill(gate);
        assertEquals(RouteLimits.REST / 2, starts.size());
        assertEquals(Gate.REFUSED, gate.tryEnter());
        gate.exit(starts.remove(0), true);
        assertTrue(gate.tryEnter() != Gate.REFUSED, "a finished request frees its place");
    }

    /** One request admitted alone, answered {@code ms} later on the test's clock. */
    private void answer(Gate gate, long ms) {
        long start = gate.tryEnter();
        assertTrue(start != Gate.REFUSED, "admitted");
        now.addAndGet(ms * MS);
        gate.exit(start, true);
    }

    /**
     * A slow window the limit is to blame for: the gate full, a request refused, then four answers 10 ms
     * apart (10-40 ms each, the fourth 30 ms after the first closes the window); the others in flight
     * leave unjudged. Below four places, the rest of the window is answers admitted one at a time.
     */
    private void slowWindowWhileFull(Gate gate) {
        List<Long> starts = fill(gate);
        assertEquals(Gate.REFUSED, gate.tryEnter());
        for (int i = 0; i < starts.size(); i++) {
            if (i < RouteLimits.WINDOW_LEAST) {
                now.addAndGet(10 * MS);
            }
            gate.exit(starts.get(i), i < RouteLimits.WINDOW_LEAST);
        }
        for (int i = starts.size(); i < RouteLimits.WINDOW_LEAST; i++) {
            answer(gate, 10);
        }
    }

    @Test
    void aSlowWindowCutsTheLimitByAQuarterDownToTheFloorWhenTheLimitRefusedSomeone() {
        Gate gate = gate(16, 30);
        // quick answers (one window: 16 of 2 ms span the 30 ms) bring a class from its start to its resting level at once
        for (int i = 0; i < 16; i++) {
            answer(gate, 2);
        }
        assertEquals(16, gate.limit(), 1e-9);
        // a median of 10 ms: over a quarter of the 30 ms target; the window closes with its fourth answer, 30 ms after its first.
        // One request at a time, nobody refused: the machine is slow, the limit is not to blame
        for (int i = 0; i < 4; i++) {
            answer(gate, 10);
        }
        assertEquals(16, gate.limit(), 1e-9, "a slow window that refused nobody cuts nothing");
        // the gate full and a request refused: the same answers cut it
        List<Long> starts = fill(gate);
        assertEquals(Gate.REFUSED, gate.tryEnter());
        for (int i = 0; i < 3; i++) {
            now.addAndGet(10 * MS);
            gate.exit(starts.get(i), true);
        }
        assertEquals(16, gate.limit(), 1e-9, "three answers are not a window yet");
        now.addAndGet(10 * MS);
        gate.exit(starts.get(3), true);
        assertEquals(12, gate.limit(), 1e-9);
        starts.subList(4, starts.size()).forEach(start -> gate.exit(start, false));
        // fast answers with one very slow among them: the median is fast, the limit stays
        for (long ms : new long[] {2, 2, 500, 2}) {
            answer(gate, ms);
        }
        assertEquals(12, gate.limit(), 1e-9, "one slow answer is not a slow window");
        while (gate.limit() > RouteLimits.FLOOR) {
            double before = gate.limit();
            slowWindowWhileFull(gate);
            assertEquals(Math.max(RouteLimits.FLOOR, before * 0.75), gate.limit(), 1e-9, "never below the floor");
        }
        slowWindowWhileFull(gate);
        assertEquals(RouteLimits.FLOOR, gate.limit(), 1e-9);
    }

    /**
     * Raises the gate's limit to its ceiling the way use does: it is filled, a request is refused, and
     * every answer comes back within a millisecond (a window closes at its 64th). At the ceiling, the
     * open window is closed the same way and answers past it are not judged: the next window starts empty.
     */
    private void raiseToTheCeiling(Gate gate, int ceiling) {
        while (gate.limit() < ceiling || gate.windowed() > 0) {
            List<Long> starts = fill(gate);
            assertEquals(Gate.REFUSED, gate.tryEnter());
            now.addAndGet(MS);
            int judged = gate.limit() < ceiling ? starts.size() : RouteLimits.WINDOW_MOST - gate.windowed();
            for (int i = 0; i < starts.size(); i++) {
                gate.exit(starts.get(i), i < judged);
            }
        }
        assertEquals(ceiling, gate.limit(), 1e-9, "never above the ceiling");
    }

    @Test
    void aWindowOfManyQuickAnswersIsJudgedBeforeTheIntervalEnds() {
        Gate gate = gate(128, 30);
        raiseToTheCeiling(gate, 128);
        List<Long> starts = fill(gate);
        assertEquals(Gate.REFUSED, gate.tryEnter());
        now.addAndGet(8 * MS);
        for (int i = 0; i < RouteLimits.WINDOW_MOST - 1; i++) {
            gate.exit(starts.remove(0), true);
        }
        assertEquals(128, gate.limit(), 1e-9);
        gate.exit(starts.remove(0), true);
        assertEquals(96, gate.limit(), 1e-9, "64 answers of 8 ms, all at once: judged at once");
    }

    /** Cuts the gate's limit to the floor with slow windows; the clock then stands just after the last cut. */
    private void cutToTheFloor(Gate gate) {
        while (gate.limit() > RouteLimits.FLOOR) {
            slowWindowWhileFull(gate);
        }
    }

    @Test
    void fastWindowsRaiseTheLimitByOneWhileItHoldsRequestsBackAndQuicklyToItsRestingLevelOnceNothingWasCutForASecond() {
        Gate gate = gate(20, 30);
        cutToTheFloor(gate);
        // one request at a time, soon after a cut: the limit is not what holds anything back, so it stays
        for (int i = 0; i < 32; i++) { // two windows of 16 answers (30 ms each)
            answer(gate, 2);
        }
        assertEquals(RouteLimits.FLOOR, gate.limit(), 1e-9);
        // full, a request refused, the answers in time but not quick (a median of 5 ms: above an eighth of the target): it holds
        List<Long> held = fill(gate);
        assertEquals(Gate.REFUSED, gate.tryEnter());
        now.addAndGet(5 * MS);
        held.forEach(start -> gate.exit(start, true));
        answer(gate, 5);
        answer(gate, 30);
        assertEquals(RouteLimits.FLOOR, gate.limit(), 1e-9);
        // full, a request refused, the answers quick: one more place
        List<Long> starts = fill(gate);
        assertEquals(Gate.REFUSED, gate.tryEnter());
        now.addAndGet(2 * MS);
        starts.forEach(start -> gate.exit(start, true));
        answer(gate, 2);
        answer(gate, 30);
        assertEquals(RouteLimits.FLOOR + 1, gate.limit(), 1e-9);
        // a second after the last cut: one more per answer of a window in time, up to the ceiling
        now.addAndGet(1_000 * MS);
        for (int i = 0; i < 3; i++) {
            answer(gate, 1);
        }
        answer(gate, 30);
        assertEquals(RouteLimits.FLOOR + 1 + 4, gate.limit(), 1e-9);
        for (int i = 0; i < 40; i++) {
            answer(gate, i % 4 == 3 ? 30 : 7);
        }
        assertEquals(RouteLimits.REST, gate.limit(), 1e-9,
                "a median of 7 ms is in time for a 30 ms target, a slow answer among them or not; one at a time, up to the resting level");
        // used: full, a request refused, the answers quick: beyond the resting level one place a window, up to the ceiling
        for (int expected = RouteLimits.REST + 1; expected <= 22; expected++) {
            List<Long> used = fill(gate);
            assertEquals(Gate.REFUSED, gate.tryEnter());
            now.addAndGet(2 * MS);
            used.forEach(start -> gate.exit(start, true));
            answer(gate, 30);
            assertEquals(Math.min(20, expected), gate.limit(), 1e-9);
        }
    }

    @Test
    void placesLeftUnusedFallBackToTheRestingLevelAndAnIdleClassStartsThere() {
        Gate gate = gate(128, 30);
        raiseToTheCeiling(gate, 128);
        // requests one at a time, in time: each window (16 answers of 2 ms span the 30 ms) leaves more than half the places unused
        for (int i = 0; i < 15; i++) {
            answer(gate, 2);
        }
        assertEquals(128, gate.limit(), 1e-9, "the window is open");
        answer(gate, 2);
        assertEquals(96, gate.limit(), 1e-9, "a quarter less a window");
        for (int i = 0; i < 200; i++) {
            answer(gate, 2);
        }
        assertEquals(RouteLimits.REST, gate.limit(), 1e-9, "down to the resting level, not below it");

        // a window that uses more than half the places is not one that leaves them unused
        raiseToTheCeiling(gate, 128);
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            held.add(gate.tryEnter());
        }
        now.addAndGet(2 * MS);
        for (int i = 0; i < 4; i++) {
            gate.exit(held.remove(0), true); // 65, 64, 63, 62 in flight: more than half of 128 each time
        }
        now.addAndGet(30 * MS);
        gate.exit(held.remove(0), true);
        assertEquals(128, gate.limit(), 1e-9);
        held.forEach(start -> gate.exit(start, true));

        // idle for less than a second: the limit stays; for a second: the next request finds it at rest
        raiseToTheCeiling(gate, 128);
        now.addAndGet(999 * MS);
        long start = gate.tryEnter();
        assertEquals(128, gate.limit(), 1e-9, "idle for 999 ms");
        now.addAndGet(1_000 * MS);
        long second = gate.tryEnter(); // one already in flight: the class is not idle
        assertEquals(128, gate.limit(), 1e-9, "a request in flight");
        gate.exit(start, true);
        gate.exit(second, true);
        now.addAndGet(1_000 * MS);
        start = gate.tryEnter();
        assertEquals(RouteLimits.REST / 2, gate.limit(), 1e-9, "idle for a second: it starts again at half its resting level");
        assertEquals(RouteLimits.REST / 2 - 1, fill(gate).size(), "and it admits that many at once");
    }

    @Test
    void answersThatSayNothingOfTheLoadAndFixedClassesLeaveTheLimitAlone() {
        Gate adaptive = gate(128, 30);
        long start = adaptive.tryEnter();
        now.addAndGet(500 * MS);
        adaptive.exit(start, false); // the caller went away before the answer, or it was a sign-in or an upload
        assertEquals(RouteLimits.REST / 2, adaptive.limit(), 1e-9);
        assertEquals(0, adaptive.inFlight());

        Gate fixed = gate(2, 0);
        assertEquals(2, fixed.limit(), 1e-9);
        start = fixed.tryEnter();
        now.addAndGet(5_000 * MS);
        fixed.exit(start, true);
        assertEquals(2, fixed.limit(), 1e-9);
    }

    @Test
    void signInsAreHeldToTheCeilingApartFromTheAdaptiveLimit() {
        Gate gate = gate(40, 30);
        List<Long> signIns = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = gate.tryEnterUnjudged();
            assertTrue(start != Gate.REFUSED, "sign-in " + (i + 1) + " of 40 admitted, though the adaptive limit admits 8 now");
            signIns.add(start);
        }
        assertEquals(Gate.REFUSED, gate.tryEnterUnjudged(), "the 41st: beyond the ceiling");
        assertEquals(RouteLimits.REST / 2, fill(gate).size(), "the sign-ins take no place of the adaptive limit");
        assertEquals(40 + RouteLimits.REST / 2, gate.inFlight());
        now.addAndGet(500 * MS);
        signIns.forEach(start -> gate.exitUnjudged());
        assertEquals(RouteLimits.REST / 2, gate.inFlight());
        assertEquals(RouteLimits.REST / 2, gate.limit(), 1e-9, "slow sign-ins judged nothing");
        assertTrue(gate.tryEnterUnjudged() != Gate.REFUSED);
    }

    @Test
    void aCeilingBelowTheFloorIsKeptAsGiven() {
        Gate one = gate(1, 30);
        assertEquals(1, one.limit(), 1e-9);
        long start = one.tryEnter();
        assertEquals(Gate.REFUSED, one.tryEnter());
        now.addAndGet(100 * MS);
        one.exit(start, true);
        for (int i = 0; i < RouteLimits.WINDOW_LEAST; i++) {
            answer(one, 100);
        }
        assertEquals(1, one.limit(), 1e-9);
    }

    @Test
    void configurationIsReadWithItsDefaultsAndBadValuesAreNamed() {
        RouteLimits limits = RouteLimits.parse("writes=40", "writes=0,chat=200");
        assertEquals(40, limits.limit(RouteLimits.RouteClass.WRITES), "no target: the ceiling");
        assertEquals(RouteLimits.REST / 2, limits.limit(RouteLimits.RouteClass.CHAT), "adaptive classes start as idle ones, at half their resting level");
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
