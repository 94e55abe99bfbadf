package cn.liaison.backend.miniapp;

import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.wechat.WechatApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 小程序登录: the {@code wx.login} code goes to code2Session, the openid finds or creates the user,
 * and the user gets our own token. The session_key is not kept, returned or logged: nothing here
 * needs it. Without WeChat configured, {@code DEMO=on} derives a stable local openid from the code (a
 * fake for demos, logged at start); otherwise the login answers 503, whatever the stores.
 */
public final class WechatLogin {

    private static final Logger LOG = LoggerFactory.getLogger(WechatLogin.class);
    /** code2Session: the code is invalid, expired or already used. */
    private static final List<Integer> BAD_CODE = List.of(40029, 40163, 40226);

    private final WechatApi api;
    private final boolean fakeAllowed;
    private final WechatUsers users;
    private final Tokens tokens;
    private final Clock clock;

    /** @param api null when WeChat is not configured */
    public WechatLogin(WechatApi api, boolean fakeAllowed, WechatUsers users, Tokens tokens, Clock clock) {
        this.api = api;
        this.fakeAllowed = fakeAllowed;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
        if (api == null && fakeAllowed) {
            LOG.warn("WeChat is not configured (WECHAT_APPID): POST /api/v1/auth/wechat uses a LOCAL FAKE login for "
                    + "demos; each code stands for one pretend WeChat user (DEMO=on).");
        }
    }

    public Future<JsonObject> login(String code) {
        if (code == null || code.isBlank() || code.length() > 128) {
            throw ProblemException.invalid("缺少登录凭证 code", List.of(new FieldError("code", "不能为空，最长 128 个字符")));
        }
        Future<WechatApi.Session> session;
        if (api != null) {
            session = api.code2Session(code).recover(e -> Future.failedFuture(
                    e instanceof WechatApi.WechatException we && BAD_CODE.contains(we.errcode())
                            ? ProblemException.of(ProblemType.UNAUTHORIZED, "微信登录凭证无效或已过期，请重新进入小程序")
                            : ProblemException.of(ProblemType.UNAVAILABLE, "微信登录服务暂不可用，请稍后重试")));
        } else if (fakeAllowed) {
            session = Future.succeededFuture(new WechatApi.Session("local-" + hash(code), null, null));
        } else {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAVAILABLE, "小程序登录未配置"));
        }
        return session
                .compose(s -> users.signIn(s.openid(), s.unionid(), clock.instant()))
                .compose(p -> tokens.issue(p).map(token -> response(p, token)));
    }

    JsonObject response(Principal p, String token) {
        return new JsonObject()
                .put("token", token)
                .put("expiresIn", tokens.ttl().toSeconds())
                .put("user", new JsonObject().put("id", p.userId()).put("name", p.name())
                        .put("enterpriseId", p.enterpriseId()).put("bound", p.enterpriseId() != null));
    }

    private static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
