package cn.liaison.backend.platform.http;

import io.vertx.ext.web.RoutingContext;

/** Who is calling, for per-client limits (knowledge-base answers, sign-in attempts). */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client as the edge saw it: behind nginx the last X-Forwarded-For hop is the address nginx
     * received the request from (earlier hops are the client's own claims); directly, the peer address.
     */
    public static String of(RoutingContext rc) {
        String forwarded = rc.request().getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].trim();
            // bounded: it becomes part of Redis keys
            return last.length() > 64 ? last.substring(0, 64) : last;
        }
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host();
    }
}
