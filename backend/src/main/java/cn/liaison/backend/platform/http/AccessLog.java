package cn.liaison.backend.platform.http;

import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request once the response is sent: method, path (never the query string, which may
 * carry codes or phone numbers), status, duration and request id. Health probes log at debug.
 */
final class AccessLog implements PlatformHandler {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addBodyEndHandler(ignored -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String path = rc.request().path();
            if (path.startsWith("/health/")) {
                LOG.debug("{} {} {} {}ms requestId={}", rc.request().method(), path,
                        rc.response().getStatusCode(), ms, RequestIds.of(rc));
            } else {
                LOG.info("{} {} {} {}ms requestId={}", rc.request().method(), path,
                        rc.response().getStatusCode(), ms, RequestIds.of(rc));
            }
        });
        rc.next();
    }
}
