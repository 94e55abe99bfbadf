package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.http.ClientAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * Sign-in and the signed-in user; also installs {@link AuthHandler} as the contract's
 * {@code bearerAuth} scheme, which every operation without {@code security: []} requires.
 *
 * <pre>
 *   POST /api/v1/auth/login   {username, password} → {token, expiresIn, user}   (public)
 *   GET  /api/v1/me           the signed-in user
 *   POST /api/v1/auth/logout  revokes the signed-in account's tokens → 204
 * </pre>
 */
@Published
public final class AuthRoutes implements Routes {

    public static final String SECURITY_SCHEME = "bearerAuth";

    private final LoginService logins;
    private final UserAccounts accounts;
    private final AuthHandler auth;
    private final Tokens tokens;
    private final TokenVersions versions;

    private final boolean passwordLogin;

    /** @param passwordLogin false: passwords are refused (staff sign in through WeCom instead) */
    public AuthRoutes(LoginService logins, UserAccounts accounts, TokenVersions versions, Tokens tokens,
                      boolean passwordLogin) {
        this.passwordLogin = passwordLogin;
        this.versions = versions;
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
        builder.getRoute("logout").addHandler(this::logout);
    }

    private void login(RoutingContext rc) {
        if (!passwordLogin) {
            rc.fail(ProblemException.of(ProblemType.FORBIDDEN, "管理员已关闭密码登录，请通过企业微信登录"));
            return;
        }
        JsonObject body = rc.body().asJsonObject();
        logins.login(body.getString("username"), body.getString("password"), ClientAddress.of(rc))
                .onSuccess(result -> rc.json(new JsonObject()
                        .put("token", result.token())
                        .put("expiresIn", tokens.ttl().toSeconds())
                        .put("user", userJson(result.account()))))
                .onFailure(e -> rc.fail(e instanceof LoginRejected
                        // one answer for unknown, disabled, wrong and throttled alike
                        ? ProblemException.of(ProblemType.UNAUTHORIZED, "用户名或密码错误（多次错误后需等待几分钟再试）")
                        : e));
    }

    /** Ends every session of the signed-in account (the token version moves on). */
    private void logout(RoutingContext rc) {
        Principal principal = AuthHandler.principal(rc);
        versions.revokeTokens(principal.userId())
                .onSuccess(v -> rc.response().setStatusCode(204).end())
                .onFailure(rc::fail);
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
