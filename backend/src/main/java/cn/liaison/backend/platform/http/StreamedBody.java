package cn.liaison.backend.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;

/**
 * The body reader, except for {@code application/octet-stream} uploads: those are paused here and
 * left unread, so the operation that takes them streams the bytes to storage under its own size
 * limit instead of the body being held in memory (files are larger than the JSON body limit). An
 * operation that does not take such a body sees none and its contract refuses the request.
 */
final class StreamedBody implements PlatformHandler {

    static final String KEY = "streamedBody";

    private final BodyHandler bodies;

    StreamedBody(BodyHandler bodies) {
        this.bodies = bodies;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (isStream(rc)) {
            rc.request().pause();
            rc.put(KEY, Boolean.TRUE);
            rc.next();
            return;
        }
        bodies.handle(rc);
    }

    /** Whether this request's body was left unread for its operation to stream. */
    static boolean streamed(RoutingContext rc) {
        return Boolean.TRUE.equals(rc.get(KEY));
    }

    private static boolean isStream(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        HttpMethod method = rc.request().method();
        return type != null && (method == HttpMethod.POST || method == HttpMethod.PUT)
                && type.toLowerCase(Locale.ROOT).trim().startsWith("application/octet-stream");
    }
}
