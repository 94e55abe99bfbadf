package cn.liaison.backend.platform.telemetry;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every log line written while handling a request carries: request id, user id (never a name
 * or phone), feature and, with tracing on, the trace id.
 *
 * <p>Kept in the local data of the request's Vert.x context rather than SLF4J's ThreadLocal MDC:
 * Vert.x handles each HTTP request on its own duplicated context, and the callbacks of Mongo, Redis
 * and worker-pool calls made for the request run on that same context, on whatever thread. A
 * ThreadLocal set by the first handler is gone after the first asynchronous hop.
 */
public final class RequestContext {

    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";
    public static final String FEATURE = "feature";
    public static final String TRACE_ID = "traceId";
    public static final String TRACE_HEADER = "X-Trace-Id";
    private static final String KEY = "liaison.log";

    private RequestContext() {
    }

    /**
     * Called by the first handler of every request. With tracing on, the request id goes on the
     * server span ({@code request.id}) and the trace id into the logs and the {@code X-Trace-Id}
     * response header, so either finds the other.
     */
    public static void begin(RoutingContext rc, String requestId) {
        put(REQUEST_ID, requestId);
        put(FEATURE, feature(rc.request().path()));
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute("request.id", requestId);
            put(TRACE_ID, span.getSpanContext().getTraceId());
            rc.response().putHeader(TRACE_HEADER, span.getSpanContext().getTraceId());
        }
    }

    /** Called once the bearer token is checked. */
    public static void user(String userId) {
        put(USER_ID, userId);
    }

    public static void put(String key, String value) {
        Map<String, String> values = values(true);
        if (values != null && value != null) {
            values.put(key, value);
        }
    }

    /** The current request's values, or an empty map outside a request (start-up, timers). */
    public static Map<String, String> current() {
        Map<String, String> values = values(false);
        return values == null ? Map.of() : values;
    }

    /** {@code /api/v1/requests/123} → {@code requests}; other paths by their first segment. */
    public static String feature(String path) {
        if (path == null) {
            return "-";
        }
        String rest = path.startsWith("/api/v1/") ? path.substring(8) : path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        return first.isEmpty() ? "-" : first.length() > 40 ? first.substring(0, 40) : first;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> values(boolean create) {
        Context context = Vertx.currentContext();
        // Only a duplicated context belongs to one request; the event loop's own context is shared.
        if (!(context instanceof ContextInternal internal) || !internal.isDuplicate()) {
            return null;
        }
        Map<Object, Object> data = internal.localContextData();
        Object found = data.get(KEY);
        if (found == null && create) {
            found = new ConcurrentHashMap<String, String>();
            data.put(KEY, found);
        }
        return (Map<String, String>) found;
    }
}
