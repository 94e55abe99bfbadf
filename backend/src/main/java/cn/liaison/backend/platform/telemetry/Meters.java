package cn.liaison.backend.platform.telemetry;

import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's own counters and timers, called from one-line hooks in the features. They go to
 * Micrometer's global registry, to which {@link Telemetry} attaches the Prometheus registry when
 * {@code METRICS_PORT} is set; otherwise they cost next to nothing. Every label has few values
 * (channels, unit ids, decisions, error codes), never a user or request id.
 */
public final class Meters {

    /** Prometheus names of everything below and of {@link ProductGauges}; the deploy test checks dashboards against them. */
    public static final String REQUESTS_SUBMITTED = "liaison.requests.submitted";
    public static final String REQUESTS_ASSIGNED = "liaison.requests.assigned";
    public static final String REQUESTS_OVERDUE = "liaison.requests.overdue";
    public static final String REQUESTS_ESCALATED = "liaison.requests.escalated";
    public static final String NOTIFICATIONS_FAILED = "liaison.notifications.failed";
    public static final String OUTBOX_DEAD = "liaison.outbox.dead";
    public static final String SLA_SCAN = "liaison.sla.scan";
    public static final String SLA_EVENTS = "liaison.sla.events";
    public static final String KB_QUESTIONS = "liaison.kb.questions";
    public static final String KB_LATENCY = "liaison.kb.latency";
    public static final String KB_INDEX_BUILD = "liaison.kb.index.build";
    public static final String LOGIN_FAILURES = "liaison.login.failures";
    public static final String LOGIN_LOCKOUTS = "liaison.login.lockouts";
    public static final String RETENTION_DELETED = "liaison.retention.deleted";
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

    private Meters() {
    }

    /** A request event of the loop: created, assigned, overdue or escalated. */
    public static void request(String name, String channel, String unitId) {
        Metrics.counter(name, "channel", label(channel), "unit", label(unitId)).increment();
    }

    public static void slaEvent(String kind) {
        Metrics.counter(SLA_EVENTS, "kind", kind).increment();
    }

    /** A notification channel failed: WeChat errcode, WeCom errcode, 12345 HTTP status, or what kind of error. */
    public static void notificationFailed(String channel, Throwable error) {
        Metrics.counter(NOTIFICATIONS_FAILED, "channel", label(channel), "code", errorCode(error)).increment();
    }

    /** An outbox entry given up on ({@code kind}: request, project, plan, …); kept on its document. */
    public static void outboxDead(String kind) {
        Metrics.counter(OUTBOX_DEAD, "kind", label(kind)).increment();
    }

    /** Registers the dead-entry counter at 0, so a scrape shows it before the first death. */
    public static void outboxDeadRegistered(String kind) {
        Metrics.counter(OUTBOX_DEAD, "kind", label(kind));
    }

    public static String errorCode(Throwable error) {
        if (error instanceof ErrorCoded coded) {
            return Integer.toString(coded.errorCode());
        }
        Matcher status = HTTP_STATUS.matcher(String.valueOf(error.getMessage()));
        if (status.find()) {
            return status.group(1);
        }
        return error.getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("exception", "");
    }

    /** A knowledge-base question answered (or not) in {@code nanos}. */
    public static void kbQuestion(String decision, String channel, long nanos) {
        Metrics.counter(KB_QUESTIONS, "decision", label(decision), "channel", label(channel)).increment();
        Metrics.timer(KB_LATENCY, "decision", label(decision)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public static void kbIndexBuilt(long nanos) {
        Metrics.timer(KB_INDEX_BUILD).record(nanos, TimeUnit.NANOSECONDS);
    }

    public static void loginFailed(boolean lockedOut) {
        Metrics.counter(LOGIN_FAILURES).increment();
        if (lockedOut) {
            Metrics.counter(LOGIN_LOCKOUTS).increment();
        }
    }

    public static void retentionDeleted(String collection, long count) {
        Metrics.counter(RETENTION_DELETED, "collection", collection).increment(count);
    }

    /** Times the future from now until it completes, success or not. */
    public static <T> Future<T> timed(String name, Supplier<Future<T>> work) {
        long begin = System.nanoTime();
        return work.get().andThen(done -> Metrics.timer(name, "outcome", done.succeeded() ? "ok" : "failed")
                .record(System.nanoTime() - begin, TimeUnit.NANOSECONDS));
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? "none" : value.length() > 40 ? value.substring(0, 40) : value;
    }
}
