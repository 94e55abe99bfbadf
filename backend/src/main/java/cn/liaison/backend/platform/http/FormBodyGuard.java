package cn.liaison.backend.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Set;

/**
 * Runs before the body is read: no operation takes multipart or form bodies, and the body reader
 * fails with an exception (a 500) on a multipart body it cannot parse or on a form body sent with
 * GET. Multipart is refused outright; a form content type only where a body may be sent (curl's
 * default type on a JSON body stays accepted, see {@link JsonBodyGuard}).
 */
final class FormBodyGuard implements PlatformHandler {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public void handle(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT).trim();
        boolean multipart = lower.startsWith("multipart/");
        boolean form = lower.startsWith("application/x-www-form-urlencoded");
        if (multipart || form && !WITH_BODY.contains(rc.request().method())) {
            FailureHandler.send(rc, new FailureHandler(0).forStatus(415));
            return;
        }
        rc.next();
    }
}
