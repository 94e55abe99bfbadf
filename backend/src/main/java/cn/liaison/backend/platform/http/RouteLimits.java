package cn.liaison.backend.platform.http;

import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding at the edge: at most so many requests of one route class in flight on this
 * instance; the next one is answered at once with 503 and {@code Retry-After} instead of queueing
 * behind the others (a queued caller times out anyway, after holding memory). One object is shared
 * by every event-loop instance of the HTTP verticle. Each refusal counts in
 * {@value #SHED_METRIC}{class}. Reads that are not reports and the health probes are never limited.
 *
 * <p>A class with a latency target has an adaptive limit between a floor and its configured
 * ceiling (additive increase, multiplicative decrease, as TCP does for its window). It rests at
 * {@value #REST} and judges its answers by window ({@link Gate}): a window whose median took more
 * than a quarter of the target while the limit refused requests cuts it by a quarter, a quick window
 * raises it by one while the limit held requests back, and below its resting level by one per answer
 * once nothing was cut for a second. Places the class does not use are not kept: above its resting
 * level the limit falls back to it while no window uses half its places, and a class idle for a
 * second starts again at half its resting level. Sign-in (slow by design) is held to the ceiling
 * alone and counted apart; uploads (at the client's pace) are admitted but not judged. On a busy
 * machine, or while work queued behind earlier requests (assessments, indexing) takes the cores,
 * the limit falls to what is answered within the target, so what is admitted stays fast and what
 * is not is refused while the event loops still have time to refuse it quickly. A fixed ceiling
 * alone let 128 creates queue at once and the refusals themselves wait hundreds of milliseconds.
 */
public final class RouteLimits implements EdgeStrain {

    public static final String SHED_METRIC = "liaison.http.shed";
    /** What a client should wait before trying again: in-flight work finishes in well under a second. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** The route classes with a limit of their own. */
    public enum RouteClass {
        /** The public knowledge-base answer and entries. */
        KB("kb"),
        /** The mini-program chat. */
        CHAT("chat"),
        /** Everything else that changes something (create a request, act on it, ...). */
        WRITES("writes"),
        /** Monthly report and exports, which read many documents each. */
        REPORTS("reports");

        private final String key;

        RouteClass(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Map<RouteClass, Gate> gates = new EnumMap<>(RouteClass.class);

    /** Fixed limits, no latency target (tests). */
    public RouteLimits(Map<RouteClass, Integer> limits) {
        this(limits, Map.of(), System::nanoTime);
    }

    /**
     * @param limits   the ceiling per class (every class)
     * @param targets  the latency target per class with an adaptive limit; a class not named keeps its ceiling
     * @param nanoTime the clock latencies are measured on
     */
    public RouteLimits(Map<RouteClass, Integer> limits, Map<RouteClass, java.time.Duration> targets,
                       java.util.function.LongSupplier nanoTime) {
        for (RouteClass c : RouteClass.values()) {
            Integer ceiling = limits.get(c);
            if (ceiling == null) {
                throw new IllegalArgumentException("no limit for route class " + c.key());
            }
            java.time.Duration target = targets.get(c);
            gates.put(c, new Gate(ceiling, target == null ? 0 : target.toNanos(), nanoTime));
        }
    }

    /** How long a refusal or a late answer counts as strain ({@link #strained()}). */
    static final long STRAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    /** A class with a latency target refused a request or answered one late within {@link #STRAIN_NANOS}. */
    @Override
    public boolean strained() {
        for (Gate gate : gates.values()) {
            if (gate.strained()) {
                return true;
            }
        }
        return false;
    }

    /** Publishes each class's limit now as {@value #LIMIT_METRIC}{class}; once per process (the first instance's). */
    public RouteLimits registerGauges() {
        for (RouteClass c : RouteClass.values()) {
            Gate gate = gates.get(c);
            io.micrometer.core.instrument.Gauge.builder(LIMIT_METRIC, gate, Gate::limit).tag("class", c.key())
                    .description("requests of the class admitted at once now (adaptive between a floor and HTTP_CONCURRENCY, resting at "
                            + REST + ", " + REST / 2 + " after an idle second)")
                    .strongReference(true).register(Metrics.globalRegistry);
        }
        return this;
    }

    /** The gauge of each class's limit now. */
    public static final String LIMIT_METRIC = "liaison.http.limit";

    /**
     * The smallest adaptive limit: two requests at once are admitted however slow the machine. A
     * floor of 8 held eight creates in flight on two saturated cores at 3x capacity, each answered in
     * 30-150 ms, and the refusals waited behind them for a core.
     */
    static final int FLOOR = 2;
    /**
     * The limit a class with a latency target rests at while it does not use more (it starts at half
     * of it, as an idle class does): about what two cores answer within a 30 ms target at once. A
     * limit left at the ceiling of 128 after busy minutes let a surge that followed a quiet spell admit 113 creates in its first
     * quarter-second, answered at a 54 ms median, before windows could cut it (a surge at 3x capacity,
     * twelfth round); the slow answers of that quarter-second were half the phase's. In-flight creates
     * at 200 a second peaked at 6-19 in the same runs, and a limit that is used grows past this one.
     * Resting at 8, 3 of 2,000 creates at 200 a second were refused (thirteenth round).
     */
    static final int REST = 16;
    /** A class idle this long (no answer, nothing in flight) starts again at half its resting level on its next request. */
    static final long IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    /** After this long without a cut, a window answered in time raises a limit below its resting level by one per answer in it. */
    static final long RECOVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    /**
     * A window of answers is slow when its median took more than this share of the class's target.
     * The gate times a request from its admission to its answer; the caller also waits for its bytes
     * to be read and its answer to be sent, and its p99 ran at about three times the median (2-core
     * load runs, eleventh and twelfth rounds): a median held at a quarter of the target keeps the p99 near it.
     */
    static final int JUDGED_SHARE = 4;
    /** Answers a window needs before it is judged (a lone answer says little), and the most it holds. */
    static final int WINDOW_LEAST = 4;
    static final int WINDOW_MOST = 64;

    /**
     * One class's admission: requests in flight and the limit they are held to. The limit moves on
     * completions only; admission reads it without a lock.
     *
     * <p>Answers are judged by window, not one by one: a window closes once it spans the target
     * interval and holds {@value #WINDOW_LEAST} answers (or at {@value #WINDOW_MOST}). A window whose
     * median is slow cuts the limit by a quarter if the limit refused a request in it: a slow window that
     * refused nobody was a slow machine, not too many admitted (at 200 creates a second, within capacity,
     * a collector's cycle made four windows in a row slow with 7 in flight, and cuts from the resting
     * level refused 22 creates; thirteenth round). A window whose median took at most half that raises it
     * by one if the limit was what held requests back (a refusal, or more than half its places taken),
     * and between the two the limit holds (as TCP Vegas holds its window between two thresholds: without
     * the band the limit went up and down every few windows, the median sat at the threshold and the
     * p99 above the target). Once nothing was cut for a second, a window in time raises a limit below
     * its resting level by one per answer; above it the limit grows by one a window only (grown by one
     * per answer there too, a surge that had been held for a second doubled what it admitted in a few
     * windows and sent medians to 15 ms before the next cut; thirteenth round). One slow answer (a
     * collector's pause, a commit that waited for the disk) moves nothing; a median that rises because too many are admitted at once does. Judged
     * one by one against a stricter time, a single slow answer cut the limit to the floor and 200 creates a
     * second, within capacity, were refused 2% of the time (twelfth round).
     */
    static final class Gate {
        private final int ceiling;
        private final int floor;
        private final int rest;
        /**
         * Where an idle class starts again: half its resting level, as TCP restarts an idle connection from
         * its initial window. Quick answers bring it back to rest within a window; a surge after a quiet
         * spell meets 8 places. From 16, the surge's first 200 ms answered 53 creates at a 22-30 ms median
         * and 15-27 of its answers were over 30 ms; from 8, none (thirteenth round).
         */
        private final int restart;
        private final long targetNanos;
        private final java.util.function.LongSupplier nanoTime;
        private final AtomicInteger inFlight = new AtomicInteger();
        /** Requests admitted whose time is not judged (sign-in), counted apart: {@link #tryEnterUnjudged}. */
        private final AtomicInteger unjudged = new AtomicInteger();
        private volatile double limit;
        private long lastCut = Long.MIN_VALUE;
        /** When this gate last refused or saw a late answer (only with a latency target); MIN_VALUE: never. */
        private volatile long strainedAt = Long.MIN_VALUE;
        /** The open window: its answers' latencies, when it began, and whether the limit held anyone back in it. */
        private final long[] window = new long[WINDOW_MOST];
        private int answers;
        private long windowStart = Long.MIN_VALUE;
        private volatile boolean bound;
        /** Whether the limit refused a request in the open window. */
        private volatile boolean refused;
        /** When the last judged answer came back; MIN_VALUE: never. */
        private volatile long lastAnswer = Long.MIN_VALUE;

        Gate(int ceiling, long targetNanos, java.util.function.LongSupplier nanoTime) {
            this.ceiling = ceiling;
            this.floor = Math.min(ceiling, FLOOR);
            this.rest = Math.min(ceiling, REST);
            this.restart = Math.max(floor, rest / 2);
            this.targetNanos = targetNanos;
            this.nanoTime = nanoTime;
            this.limit = targetNanos > 0 ? restart : ceiling; // a class starts as an idle one
        }

        /** What {@link #tryEnter} answers when the limit is reached (a clock's reading may be negative). */
        static final long REFUSED = Long.MIN_VALUE;

        /** The start time of an admitted request, or {@link #REFUSED} when the limit is reached. */
        long tryEnter() {
            int busy = inFlight.incrementAndGet();
            if (busy == 1 && targetNanos > 0 && limit > restart) {
                long last = lastAnswer;
                if (last == Long.MIN_VALUE || nanoTime.getAsLong() - last >= IDLE_NANOS) {
                    limit = restart; // idle: what the last busy spell needed says nothing of the next one's start
                }
            }
            if (busy > (int) limit) {
                inFlight.decrementAndGet();
                if (targetNanos > 0) {
                    strainedAt = nanoTime.getAsLong();
                    bound = true;
                    refused = true;
                }
                return REFUSED;
            }
            return startNow();
        }

        /**
         * Admits a request whose time says nothing of the load (sign-in hashes a password on purpose, on
         * a pool of its own), or answers {@link #REFUSED}: held to the ceiling alone and counted apart from
         * the adaptive limit, so that forty people signing in at nine o'clock neither take the places of
         * creates nor find the limit at its resting level (when the limit started at 16, a test's 40
         * parallel sign-ins were refused 24 times). Leaves by {@link #exitUnjudged}.
         */
        long tryEnterUnjudged() {
            if (unjudged.incrementAndGet() > ceiling) {
                unjudged.decrementAndGet();
                return REFUSED;
            }
            return startNow();
        }

        /** The clock now, as an admitted request's start: never {@link #REFUSED}. */
        private long startNow() {
            long start = nanoTime.getAsLong();
            return start == REFUSED ? start + 1 : start;
        }

        /** A request admitted by {@link #tryEnterUnjudged} finished. */
        void exitUnjudged() {
            unjudged.decrementAndGet();
        }

        /** A request admitted at {@code start} finished; {@code judged} is false for answers that say nothing of the load. */
        void exit(long start, boolean judged) {
            int busy = inFlight.getAndDecrement();
            if (targetNanos <= 0 || !judged) {
                return;
            }
            long now = nanoTime.getAsLong();
            long took = now - start;
            lastAnswer = now;
            if (took > targetNanos) {
                strainedAt = now;
            }
            synchronized (this) {
                if (busy * 2 > limit) {
                    bound = true;
                }
                if (answers == 0) {
                    windowStart = now;
                }
                window[answers++] = took;
                if (answers == WINDOW_MOST || answers >= WINDOW_LEAST && now - windowStart >= targetNanos) {
                    judge(now);
                }
            }
        }

        /**
         * Closes the window: cuts the limit if its median was slow, else raises it as the class's use
         * allows, or lets it fall back towards its resting level when the window left half its places unused.
         */
        private void judge(long now) {
            java.util.Arrays.sort(window, 0, answers);
            long median = window[answers / 2];
            boolean recovered = lastCut == Long.MIN_VALUE || now - lastCut >= RECOVERY_NANOS;
            boolean slow = median * JUDGED_SHARE > targetNanos;
            if (slow && refused) {
                limit = Math.max(floor, limit * 0.75);
                lastCut = now;
            } else if (!bound && limit > rest) {
                limit = Math.max(rest, limit * 0.75); // places left unused, slow or not
            } else if (slow) {
                // slow, but the limit refused nobody: the machine is slow (a collector's cycle), not too many
                // admitted, and a cut would refuse without making anything faster: it holds
            } else if (recovered && limit < rest) {
                limit = Math.min(rest, limit + answers); // nothing slow for a while: back to the resting level soon
            } else if (bound && median * 2 * JUDGED_SHARE <= targetNanos) {
                limit = Math.min(ceiling, limit + 1);
            }
            answers = 0;
            bound = false;
            refused = false;
        }

        double limit() {
            return limit;
        }

        boolean strained() {
            long at = strainedAt;
            return at != Long.MIN_VALUE && nanoTime.getAsLong() - at < STRAIN_NANOS;
        }

        int inFlight() {
            return inFlight.get() + unjudged.get();
        }

        /** Answers in the open window, not judged yet (tests). */
        synchronized int windowed() {
            return answers;
        }
    }

    /** Shipped ceilings, sized for 2 cores: beyond these, queueing only adds latency. */
    public static final String DEFAULTS = "kb=64,chat=64,writes=128,reports=2";
    /** Shipped latency targets in milliseconds (the p99 each class should keep); reports keep a fixed limit. */
    public static final String DEFAULT_TARGETS = "kb=30,chat=150,writes=30";

    /** Parses {@code class=limit,...}; classes not named keep their default. Latency targets are the defaults. */
    public static RouteLimits parse(String text) {
        return parse(text, DEFAULT_TARGETS);
    }

    /**
     * Parses ceilings ({@code class=limit,...}) and latency targets in milliseconds
     * ({@code class=ms,...}, 0 for a fixed limit); classes not named keep their defaults.
     */
    public static RouteLimits parse(String ceilings, String targets) {
        Map<RouteClass, Integer> limits = new EnumMap<>(RouteClass.class);
        pairs(DEFAULTS, ceilings, 1, "kb=64").forEach(limits::put);
        Map<RouteClass, java.time.Duration> latency = new EnumMap<>(RouteClass.class);
        pairs(DEFAULT_TARGETS, targets, 0, "writes=30").forEach((c, ms) -> {
            if (ms > 0) {
                latency.put(c, java.time.Duration.ofMillis(ms));
            }
        });
        return new RouteLimits(limits, latency, System::nanoTime);
    }

    /** Checks ceilings as {@link #parse(String, String)} reads them, without building limits. */
    public static void checkCeilings(String text) {
        pairs(DEFAULTS, text, 1, "kb=64");
    }

    private static Map<RouteClass, Integer> pairs(String defaults, String text, int least, String example) {
        Map<RouteClass, Integer> out = new EnumMap<>(RouteClass.class);
        for (String part : (defaults + "," + (text == null ? "" : text)).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            RouteClass c = byKey(kv[0].trim());
            int value;
            try {
                value = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < least) {
                throw new IllegalArgumentException("'" + part.trim() + "' needs a whole number of at least " + least
                        + ", as in " + example);
            }
            out.put(c, value);
        }
        return out;
    }

    private static RouteClass byKey(String key) {
        for (RouteClass c : RouteClass.values()) {
            if (c.key.equals(key.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown route class '" + key + "' (kb, chat, writes, reports)");
    }

    /** The class of an operation, or null when it is not limited. */
    static RouteClass classify(HttpMethod method, String path) {
        if (path.startsWith("/api/v1/reports/") || path.endsWith(".csv") || path.endsWith(".xlsx")) {
            return RouteClass.REPORTS;
        }
        if (path.startsWith("/api/v1/kb/")) {
            return RouteClass.KB;
        }
        if (path.startsWith("/api/v1/chat/")) {
            return RouteClass.CHAT;
        }
        boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        return reads || path.startsWith("/health/") ? null : RouteClass.WRITES;
    }

    /**
     * The handler placed first on a reports operation's route, or null for any other operation: the
     * other classes are admitted at the edge ({@link #atEdge()}).
     */
    Handler<RoutingContext> forOperation(HttpMethod method, String path) {
        RouteClass c = classify(method, path);
        return c != RouteClass.REPORTS ? null : rc -> admit(c, rc, false);
    }

    /**
     * The root handler that admits or refuses {@code kb}, {@code chat} and {@code writes} requests
     * as they arrive, by method and path, before the body is read or parsed: a refusal is then sent
     * from the read of the request itself. Placed on the operation's route, behind the body reader,
     * a refused create waited for its body's end event, which the event loop ran only after the
     * work queued before it, and the refusals' latency followed the creates' (p50 10-30 ms where a
     * liveness probe beside them took 1.5-2 ms). Reports stay on their operations' routes, where
     * their own slots answer for them.
     */
    public PlatformHandler atEdge() {
        // a platform handler: Vert.x Web lets only those run before the body reader
        return rc -> {
            String path = rc.normalizedPath();
            RouteClass c = classify(rc.request().method(), path);
            if (c == null || c == RouteClass.REPORTS) {
                rc.next();
                return;
            }
            // signing in hashes a password on purpose (~100 ms): its time says nothing of the load
            admit(c, rc, path.startsWith("/api/v1/auth/"));
        };
    }

    private void admit(RouteClass c, RoutingContext rc, boolean slowByDesign) {
        Gate gate = gates.get(c);
        long start = slowByDesign ? gate.tryEnterUnjudged() : gate.tryEnter();
        if (start == Gate.REFUSED) {
            Metrics.counter(SHED_METRIC, "class", c.key()).increment();
            rc.response().putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.CONTENT_TYPE + "; charset=utf-8")
                    .end(Problem.of(ProblemType.UNAVAILABLE, "当前访问人数较多，请稍后重试")
                            .toJson(RequestIds.of(rc)).encode());
            return;
        }
        AtomicInteger once = new AtomicInteger();
        // called when the response ends, fails or the connection closes first. An upload streamed
        // its body at the client's pace (marked by the body reader, which runs after admission):
        // not judged either. A refusal of the caller's input (4xx) is: it held a place like any other answer.
        rc.addEndHandler(done -> {
            if (once.getAndIncrement() == 0) {
                if (slowByDesign) {
                    gate.exitUnjudged();
                } else {
                    gate.exit(start, !StreamedBody.streamed(rc) && done.succeeded());
                }
            }
        });
        rc.next();
    }

    /** Requests of the class in flight now (for tests and the health page). */
    public int inFlight(RouteClass c) {
        return gates.get(c).inFlight();
    }

    /** The class's limit now: its ceiling for a fixed class; else its resting level, more while used, less while the latency target is missed. */
    public int limit(RouteClass c) {
        return (int) gates.get(c).limit();
    }

    /** The class's gate (tests drive it on their own clock). */
    Gate gate(RouteClass c) {
        return gates.get(c);
    }
}
