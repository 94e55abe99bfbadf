package cn.liaison.backend.platform.http;

import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
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
 */
public final class RouteLimits {

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

    private final Map<RouteClass, Integer> limits;
    private final Map<RouteClass, AtomicInteger> inFlight = new EnumMap<>(RouteClass.class);

    public RouteLimits(Map<RouteClass, Integer> limits) {
        this.limits = new EnumMap<>(limits);
        for (RouteClass c : RouteClass.values()) {
            if (!this.limits.containsKey(c)) {
                throw new IllegalArgumentException("no limit for route class " + c.key());
            }
            inFlight.put(c, new AtomicInteger());
        }
    }

    /** Shipped defaults, sized for 2 cores: beyond these, queueing only adds latency. */
    public static final String DEFAULTS = "kb=64,chat=64,writes=128,reports=2";

    /** Parses {@code class=limit,...}; classes not named keep their default. */
    public static RouteLimits parse(String text) {
        Map<RouteClass, Integer> limits = new EnumMap<>(RouteClass.class);
        for (String part : (DEFAULTS + "," + (text == null ? "" : text)).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            RouteClass c = byKey(kv[0].trim());
            int limit;
            try {
                limit = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : -1;
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1) {
                throw new IllegalArgumentException("'" + part.trim() + "' needs a limit of at least 1, as in kb=64");
            }
            limits.put(c, limit);
        }
        return new RouteLimits(limits);
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

    /** The handler placed first on an operation's route, or null when the operation is not limited. */
    Handler<RoutingContext> forOperation(HttpMethod method, String path) {
        RouteClass c = classify(method, path);
        return c == null ? null : rc -> admit(c, rc);
    }

    private void admit(RouteClass c, RoutingContext rc) {
        AtomicInteger count = inFlight.get(c);
        if (count.incrementAndGet() > limits.get(c)) {
            count.decrementAndGet();
            Metrics.counter(SHED_METRIC, "class", c.key()).increment();
            rc.response().putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.CONTENT_TYPE + "; charset=utf-8")
                    .end(Problem.of(ProblemType.UNAVAILABLE, "当前访问人数较多，请稍后重试")
                            .toJson(RequestIds.of(rc)).encode());
            return;
        }
        AtomicInteger once = new AtomicInteger();
        Runnable release = () -> {
            if (once.getAndIncrement() == 0) {
                count.decrementAndGet();
            }
        };
        // called when the response ends, fails or the connection closes first
        rc.addEndHandler(done -> release.run());
        rc.next();
    }

    /** Requests of the class in flight now (for tests and the health page). */
    public int inFlight(RouteClass c) {
        return inFlight.get(c).get();
    }

    public int limit(RouteClass c) {
        return limits.get(c);
    }
}
