package cn.liaison.backend.platform.auth;

import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;

/**
 * Authenticates a request by its {@code Authorization: Bearer <jwt>} header and puts the
 * {@link Principal} into the routing context; anything else is a 401 problem.
 *
 * <p>It is the contract's {@code bearerAuth} security scheme: every operation requires it unless
 * the operation says {@code security: []} (login, the public calendar, health), and the router runs
 * it before request validation. It implements {@link JWTAuthHandler} only because that is what the
 * router builder accepts for an HTTP bearer scheme; OAuth scopes are not used (roles are checked
 * by {@link Authorization} from the contract's {@code x-roles}).
 *
 * <p>In a handler: {@code Principal me = AuthHandler.principal(rc);}.
 */
public final class AuthHandler implements JWTAuthHandler {

    static final String PRINCIPAL = "liaison.principal";
    private static final String BEARER = "bearer ";

    /** A token that is not (or no longer) valid; any other verification failure is a 503. */
    public static class TokenRejected extends RuntimeException {
        public TokenRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The principal when it holds one of the roles; a 403 problem otherwise. Only for raw routes,
     * which the contract's {@code x-roles} cannot cover (contract operations are guarded by
     * {@link Authorization}).
     */
    public static Principal require(RoutingContext rc, Role... anyOf) {
        Principal principal = principal(rc);
        if (!principal.hasAny(anyOf)) {
            String needed = java.util.Arrays.stream(anyOf).map(Role::label).collect(java.util.stream.Collectors.joining("或"));
            throw ProblemException.of(ProblemType.FORBIDDEN, "此操作需要" + needed + "权限");
        }
        return principal;
    }

    /** Checks a login token and says whose it is (implemented by identity's token service). */
    @FunctionalInterface
    public interface TokenVerifier {
        Future<Principal> verify(String token);
    }

    private final TokenVerifier tokens;

    public AuthHandler(TokenVerifier tokens) {
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
                    cn.liaison.backend.platform.telemetry.RequestContext.user(principal.userId());
                    rc.next();
                })
                .onFailure(e -> {
                    if (e instanceof TokenRejected) {
                        unauthorized(rc, "登录凭证无效、已过期或已注销，请重新登录");
                    } else {
                        FailureHandler.send(rc, Problem.of(ProblemType.UNAVAILABLE, "暂时无法核对登录状态，请稍后重试"));
                    }
                });
    }

    /** The signed-in principal, or null when the request carries none (for logs and the audit trail). */
    public static Principal signedIn(RoutingContext rc) {
        return rc.get(PRINCIPAL);
    }

    /** The signed-in principal; a 401 problem when the request carries none. */
    public static Principal principal(RoutingContext rc) {
        Principal principal = rc.get(PRINCIPAL);
        if (principal == null) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "请先登录");
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
        throw new UnsupportedOperationException("OAuth scopes are not used; roles are declared in x-roles");
    }

    @Override
    public JWTAuthHandler withScopes(List<String> scopes) {
        throw new UnsupportedOperationException("OAuth scopes are not used; roles are declared in x-roles");
    }
}
