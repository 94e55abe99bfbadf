package cn.liaison.backend.live;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.identity.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.redis.client.RedisAPI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live task events for staff as Server-Sent Events.
 *
 * <pre>
 *   POST /api/v1/events/ticket   eventTicket   {ticket, expiresIn}: one use, 60 s (EventSource sends no headers)
 *   GET  /api/v1/events          raw route     text/event-stream; Authorization: Bearer … or ?ticket=…;
 *                                              resumes after Last-Event-ID (header) or ?lastEventId=
 * </pre>
 * Each event is {@code id:} (the Redis stream id), {@code event:} (assigned, changed, reminder,
 * escalated, or resync when the events since the given id are no longer all kept) and {@code data:}
 * JSON. Comment lines every heartbeat interval keep proxies from closing an idle stream.
 */
@Published
public final class EventStreamRoutes implements Routes, RawRoutes {

    static final String PATH = "/api/v1/events";
    private static final long TICKET_TTL_S = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final LiveEvents events;
    private final Tokens tokens;
    private final RedisAPI redis;
    private final Duration heartbeat;
    private final Set<HttpServerResponse> open = ConcurrentHashMap.newKeySet();

    public EventStreamRoutes(Vertx vertx, LiveEvents events, Tokens tokens, RedisAPI redis, Duration heartbeat) {
        this.vertx = vertx;
        this.events = events;
        this.tokens = tokens;
        this.redis = redis;
        this.heartbeat = heartbeat;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("eventTicket").addHandler(this::ticket);
    }

    @Override
    public void register(Router router) {
        router.get(PATH).handler(this::stream);
    }

    /** Streams open on this instance now (a gauge). */
    public int openCount() {
        return open.size();
    }

    /** Ends every open stream (at shutdown), so the server can stop and clients reconnect elsewhere. */
    public void endAll() {
        for (HttpServerResponse response : List.copyOf(open)) {
            try {
                response.end();
            } catch (IllegalStateException ignored) {
                // already closed by the client
            }
        }
    }

    private void ticket(RoutingContext rc) {
        Principal me = AuthHandler.principal(rc);
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String ticket = HexFormat.of().formatHex(bytes);
        redis.set(List.of("live:ticket:" + ticket, me.userId(), "EX", Long.toString(TICKET_TTL_S)))
                .onSuccess(ok -> rc.response().putHeader("Cache-Control", "no-store")
                        .end(new JsonObject().put("ticket", ticket).put("expiresIn", TICKET_TTL_S).encode()))
                .onFailure(rc::fail);
    }

    private void stream(RoutingContext rc) {
        String lastId = rc.request().getHeader("Last-Event-ID");
        if (lastId == null) {
            lastId = rc.queryParams().get("lastEventId");
        }
        if (lastId != null && !lastId.isBlank() && !LiveEvents.isStreamId(lastId.trim())) {
            rc.fail(ProblemException.of(ProblemType.VALIDATION, "Last-Event-ID 格式不正确"));
            return;
        }
        String resumeAfter = lastId == null || lastId.isBlank() ? null : lastId.trim();
        authenticate(rc).onSuccess(userId -> new EventStream(vertx, events, rc.response(), userId, heartbeat, open)
                        .start(resumeAfter))
                .onFailure(e -> {
                    rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"liaison\"");
                    FailureHandler.send(rc, e instanceof ProblemException p ? p.problem()
                            : Problem.of(ProblemType.UNAUTHORIZED, "登录凭证无效或已过期，请重新登录"));
                });
    }

    /** The staff member behind the bearer token or the one-time ticket. */
    private Future<String> authenticate(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.verify(header.substring(7).trim()).map(p -> requireStaff(p).userId());
        }
        String ticket = rc.queryParams().get("ticket");
        if (ticket == null || !ticket.matches("[0-9a-f]{36}")) {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAUTHORIZED,
                    "请先登录：需要 Authorization: Bearer <token> 请求头或 ticket 参数"));
        }
        return redis.getdel("live:ticket:" + ticket).map(userId -> {
            if (userId == null) {
                throw ProblemException.of(ProblemType.UNAUTHORIZED, "ticket 无效、已使用或已过期，请重新获取");
            }
            return userId.toString();
        });
    }

    private static Principal requireStaff(Principal principal) {
        if (principal.roles().stream().noneMatch(Role::isStaff)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "实时任务推送仅面向工作人员");
        }
        return principal;
    }
}
