package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.identity.WecomAccounts;
import cn.liaison.backend.identity.AuthRoutes;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.identity.UserAccount;
import cn.liaison.backend.identity.UserAccounts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.redis.client.RedisAPI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Staff sign-in through WeCom OAuth (网页授权, scope snsapi_base), and which sign-in methods exist.
 *
 * <pre>
 *   GET /api/v1/auth/methods                      authMethods        {password, wecom}       (public)
 *   GET /api/v1/auth/wecom/start?next=            wecomLoginStart    302 to WeCom's authorize page
 *   GET /api/v1/auth/wecom/callback?code=&state=  wecomLoginCallback 302 to /m/#/auth?token=…, or JSON
 * </pre>
 * The {@code state} is a random value kept in Redis for 10 minutes and usable once, so a callback
 * can only complete a sign-in this service started. The token travels in the URL fragment, which
 * browsers never send to a server (nor to its access log).
 */
@Published
public final class WecomLoginRoutes implements Routes {

    private static final String STATE_TTL_S = "600";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<WecomClient> client;
    private final WecomAccounts links;
    private final UserAccounts accounts;
    private final Tokens tokens;
    private final RedisAPI redis;
    private final boolean passwordLogin;
    private final String publicBaseUrl;

    public WecomLoginRoutes(Optional<WecomClient> client, WecomAccounts links, UserAccounts accounts, Tokens tokens,
                            RedisAPI redis, boolean passwordLogin, String publicBaseUrl) {
        this.client = client;
        this.links = links;
        this.accounts = accounts;
        this.tokens = tokens;
        this.redis = redis;
        this.passwordLogin = passwordLogin;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("authMethods").addHandler(rc -> rc.json(new JsonObject()
                .put("password", passwordLogin).put("wecom", client.isPresent())));
        builder.getRoute("wecomLoginStart").addHandler(this::start);
        builder.getRoute("wecomLoginCallback").addHandler(this::callback);
    }

    private void start(RoutingContext rc) {
        WecomClient wecom = configured();
        String next = safeNext(rc.queryParams().get("next"));
        String state = HexFormat.of().formatHex(randomBytes());
        redis.set(List.of("wecom:oauth:" + state, next, "EX", STATE_TTL_S))
                .onSuccess(ok -> {
                    WecomSettings s = wecom.settings();
                    String redirect = publicBaseUrl + "/api/v1/auth/wecom/callback";
                    String url = s.authorizeUrl() + "?appid=" + enc(s.corpId()) + "&redirect_uri=" + enc(redirect)
                            + "&response_type=code&scope=snsapi_base&state=" + state + "&agentid=" + s.agentId()
                            + "#wechat_redirect";
                    rc.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end();
                })
                .onFailure(rc::fail);
    }

    private void callback(RoutingContext rc) {
        WecomClient wecom = configured();
        String code = rc.queryParams().get("code");
        String state = rc.queryParams().get("state");
        boolean wantsJson = Optional.ofNullable(rc.request().getHeader("Accept")).orElse("").contains("application/json");
        redis.getdel("wecom:oauth:" + state)
                .compose(next -> {
                    if (next == null) {
                        throw ProblemException.of(ProblemType.UNAUTHORIZED, "登录链接已失效，请重新登录");
                    }
                    return wecom.userIdForCode(code).compose(member -> member.isEmpty()
                                    ? Future.failedFuture(ProblemException.of(ProblemType.FORBIDDEN, "当前企业微信账号不是本单位成员"))
                                    : links.staffUserFor(member.get()))
                            .compose(user -> user.isEmpty()
                                    ? Future.failedFuture(ProblemException.of(ProblemType.FORBIDDEN,
                                            "该企业微信账号尚未关联工作人员账号，请联系管理员"))
                                    : accounts.byId(user.get()))
                            .compose(found -> tokens.issue(found.orElseThrow().principal())
                                    .map(token -> new SignedIn(found.get(), next.toString(), token)));
                })
                .onSuccess(signedIn -> {
                    String token = signedIn.token();
                    rc.response().putHeader("Cache-Control", "no-store");
                    if (wantsJson) {
                        rc.json(new JsonObject().put("token", token).put("expiresIn", tokens.ttl().toSeconds())
                                .put("user", AuthRoutes.userJson(signedIn.account())));
                    } else {
                        rc.response().setStatusCode(302).putHeader("Location", "/m/#/auth?token=" + enc(token)
                                + "&next=" + enc(signedIn.next())).end();
                    }
                })
                .onFailure(e -> {
                    if (wantsJson || !(e instanceof ProblemException problem)) {
                        rc.fail(e instanceof WecomException ? ProblemException.of(ProblemType.UNAVAILABLE, e.getMessage()) : e);
                    } else {
                        rc.response().setStatusCode(302).putHeader("Cache-Control", "no-store")
                                .putHeader("Location", "/m/#/login?error=" + enc(problem.problem().detail())).end();
                    }
                });
    }

    private record SignedIn(UserAccount account, String next, String token) {
    }

    private WecomClient configured() {
        return client.orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "未配置企业微信登录，请使用账号密码登录"));
    }

    /** Only a path of the mobile page: never an open redirect to another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("#/") && next.length() < 200 ? next : "#/tasks";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
