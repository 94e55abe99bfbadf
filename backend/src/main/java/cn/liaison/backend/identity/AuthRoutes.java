package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.format.DateTimeFormatter;

/**
 * Sign-in and the signed-in user; also installs {@link AuthHandler} as the contract's
 * {@code bearerAuth} scheme, which every operation without {@code security: []} requires.
 *
 * <pre>
 *   POST /api/v1/auth/login   {username, password} → {token, expiresIn, user}   (public)
 *   GET  /api/v1/me           the signed-in user
 * </pre>
 */
public final class AuthRoutes implements Routes {

    public static final String SECURITY_SCHEME = "bearerAuth";
    private static final DateTimeFormatter UNLOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LoginService logins;
    private final UserAccounts accounts;
    private final AuthHandler auth;
    private final Tokens tokens;

    private final boolean passwordLogin;

    public AuthRoutes(LoginService logins, UserAccounts accounts, Tokens tokens) {
        this(logins, accounts, tokens, true);
    }

    /** @param passwordLogin false: passwords are refused (staff sign in through WeCom instead) */
    public AuthRoutes(LoginService logins, UserAccounts accounts, Tokens tokens, boolean passwordLogin) {
        this.passwordLogin = passwordLogin;
        this.logins = logins;
        this.accounts = accounts;
        this.tokens = tokens;
        this.auth = new AuthHandler(tokens);
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.security(SECURITY_SCHEME).httpHandler(auth);
        builder.getRoute("login").addHandler(this::login);
        builder.getRoute("me").addHandler(this::me);
    }

    private void login(RoutingContext rc) {
        if (!passwordLogin) {
            rc.fail(ProblemException.of(ProblemType.FORBIDDEN, "管理员已关闭密码登录，请通过企业微信登录"));
            return;
        }
        JsonObject body = rc.body().asJsonObject();
        logins.login(body.getString("username"), body.getString("password"))
                .onSuccess(result -> rc.json(new JsonObject()
                        .put("token", result.token())
                        .put("expiresIn", tokens.ttl().toSeconds())
                        .put("user", userJson(result.account()))))
                .onFailure(e -> {
                    if (e instanceof LoginRejected rejected && rejected.locked()) {
                        locked(rc, rejected);
                    } else if (e instanceof LoginRejected) {
                        rc.fail(ProblemException.of(ProblemType.UNAUTHORIZED, "用户名或密码错误"));
                    } else {
                        rc.fail(e);
                    }
                });
    }

    private static void locked(RoutingContext rc, LoginRejected rejected) {
        long seconds = Math.max(1, (rejected.retryAfter().toMillis() + 999) / 1000);
        String until = UNLOCK_TIME.format(rejected.lockedUntil().atZone(WorkingCalendar.ZONE));
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        FailureHandler.send(rc, Problem.of(ProblemType.TOO_MANY_REQUESTS, "连续 " + LoginService.MAX_FAILURES
                + " 次密码错误，账号已锁定，请于 " + until + "（北京时间）后再试"));
    }

    private void me(RoutingContext rc) {
        Principal principal = AuthHandler.principal(rc);
        accounts.byId(principal.userId())
                .onSuccess(found -> {
                    if (found.isEmpty() || !found.get().active()) {
                        rc.fail(ProblemException.of(ProblemType.UNAUTHORIZED, "账号不存在或已停用，请重新登录"));
                    } else {
                        rc.json(userJson(found.get()));
                    }
                })
                .onFailure(rc::fail);
    }

    /** The signed-in user as every sign-in answer shows it (password, WeCom, WeChat). */
    public static JsonObject userJson(UserAccount account) {
        return new JsonObject()
                .put("id", account.id())
                .put("username", account.username())
                .put("name", account.name())
                .put("roles", new JsonArray(account.roles().stream().map(Enum::name).toList()))
                .put("unitId", account.unitId())
                .put("enterpriseId", account.enterpriseId());
    }
}
