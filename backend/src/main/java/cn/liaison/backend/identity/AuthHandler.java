package cn.liaison.backend.identity;

import cn.liaison.backend.http.FailureHandler;
import cn.liaison.backend.http.Problem;
import cn.liaison.backend.http.ProblemException;
import cn.liaison.backend.http.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Authenticates a request by its {@code Authorization: Bearer <jwt>} header and puts the
 * {@link Principal} into the routing context; anything else is a 401 problem.
 *
 * <p>It is the contract's {@code bearerAuth} security scheme: every operation requires it unless
 * the operation says {@code security: []} (login, the public calendar, health), and the router runs
 * it before request validation. It implements {@link JWTAuthHandler} only because that is what the
 * router builder accepts for an HTTP bearer scheme; OAuth scopes are not used (roles are checked
 * with {@link #require}).
 *
 * <p>In a handler: {@code Principal me = AuthHandler.principal(rc);} or
 * {@code AuthHandler.require(rc, Role.UNIT_HEAD, Role.CITY_ADMIN);}.
 */
public final class AuthHandler implements JWTAuthHandler {

    static final String PRINCIPAL = "liaison.principal";
    private static final String BEARER = "bearer ";

    private final Tokens tokens;

    public AuthHandler(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            unauthorized(rc, "请先登录：请求头需要携带 Authorization: Bearer <token>");
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            unauthorized(rc, "Authorization 请求头的格式应为 Bearer <token>");
            return;
        }
        tokens.verify(header.substring(BEARER.length()).trim())
                .onSuccess(principal -> {
                    rc.put(PRINCIPAL, principal);
                    cn.liaison.backend.ops.RequestContext.user(principal.userId());
                    rc.next();
                })
                .onFailure(e -> {
                    if (e instanceof Tokens.TokenRejected) {
                        unauthorized(rc, "登录凭证无效、已过期或已注销，请重新登录");
                    } else {
                        FailureHandler.send(rc, Problem.of(ProblemType.UNAVAILABLE, "暂时无法核对登录状态，请稍后重试"));
                    }
                });
    }

    /** The signed-in principal; a 401 problem when the request carries none. */
    public static Principal principal(RoutingContext rc) {
        Principal principal = rc.get(PRINCIPAL);
        if (principal == null) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "请先登录");
        }
        return principal;
    }

    /** The principal when it holds at least one of the roles; a 403 problem naming them otherwise. */
    public static Principal require(RoutingContext rc, Role... anyOf) {
        Principal principal = principal(rc);
        if (!principal.hasAny(anyOf)) {
            String needed = Arrays.stream(anyOf).map(Role::label).collect(Collectors.joining("或"));
            throw ProblemException.of(ProblemType.FORBIDDEN, "此操作需要" + needed + "权限");
        }
        return principal;
    }

    private static void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"liaison\"");
        FailureHandler.send(rc, Problem.of(ProblemType.UNAUTHORIZED, detail));
    }

    @Override
    public JWTAuthHandler scopeDelimiter(String delimiter) {
        return this;
    }

    @Override
    public JWTAuthHandler withScope(String scope) {
        throw new UnsupportedOperationException("OAuth scopes are not used; check roles with AuthHandler.require");
    }

    @Override
    public JWTAuthHandler withScopes(List<String> scopes) {
        throw new UnsupportedOperationException("OAuth scopes are not used; check roles with AuthHandler.require");
    }
}
