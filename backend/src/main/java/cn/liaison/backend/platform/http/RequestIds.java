package cn.liaison.backend.platform.http;

import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is well-formed, a new one
 * otherwise. The id is echoed on the response and appears in every log line about the request.
 */
public final class RequestIds implements PlatformHandler {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @Override
    public void handle(RoutingContext rc) {
        String offered = rc.request().getHeader(HEADER);
        String id = offered != null && WELL_FORMED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        rc.put(KEY, id);
        cn.liaison.backend.platform.telemetry.RequestContext.begin(rc, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }

    public static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        return id == null ? "-" : id;
    }
}
