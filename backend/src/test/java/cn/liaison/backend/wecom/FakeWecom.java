package cn.liaison.backend.wecom;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom as far as the service uses it, on loopback: gettoken, OAuth getuserinfo (codes registered
 * by the test, or issued by the authorize page), message/send (recorded; can be told to answer with
 * an error code), and the OAuth authorize page a phone is sent to: it plays the WeCom app in which
 * {@link #phoneMember} is signed in, issues a code for that member and redirects back with it.
 * Used by the in-process tests and by the acceptance suite against the shipped jar.
 */
public final class FakeWecom implements AutoCloseable {

    public static final String TOKEN = "fake-access-token";
    public static final String AUTHORIZE_PATH = "/connect/oauth2/authorize";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    public final Map<String, String> codes = new ConcurrentHashMap<>();
    public volatile int sendErrorCode;
    /** The WeCom member signed in on the phone that opens the authorize page; null = nobody. */
    public volatile String phoneMember;

    public FakeWecom() throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get(AUTHORIZE_PATH).handler(rc -> {
            String redirect = rc.queryParams().get("redirect_uri");
            String member = phoneMember;
            if (redirect == null || !"code".equals(rc.queryParams().get("response_type"))
                    || !"snsapi_base".equals(rc.queryParams().get("scope")) || rc.queryParams().get("appid") == null
                    || member == null) {
                rc.response().setStatusCode(400).end("bad authorize request");
                return;
            }
            String code = "oauth-" + UUID.randomUUID();
            codes.put(code, member);
            String state = rc.queryParams().get("state");
            rc.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                    + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
        });
        router.get("/cgi-bin/gettoken").handler(rc -> {
            tokenRequests.incrementAndGet();
            rc.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("access_token", TOKEN).put("expires_in", 7200));
        });
        router.get("/cgi-bin/auth/getuserinfo").handler(rc -> {
            String userId = codes.remove(String.valueOf(rc.queryParams().get("code")));
            if (!TOKEN.equals(rc.queryParams().get("access_token"))) {
                rc.json(new JsonObject().put("errcode", 40014).put("errmsg", "invalid access_token"));
            } else if (userId == null) {
                rc.json(new JsonObject().put("errcode", 40029).put("errmsg", "invalid code"));
            } else {
                rc.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("userid", userId));
            }
        });
        router.post("/cgi-bin/message/send").handler(rc -> {
            if (sendErrorCode != 0) {
                rc.json(new JsonObject().put("errcode", sendErrorCode).put("errmsg", "not allow to access from your ip"));
                return;
            }
            messages.add(rc.body().asJsonObject());
            rc.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("invaliduser", ""));
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The OAuth page the service sends phones to ({@code WECOM_AUTHORIZE_URL}). */
    public String authorizeUrl() {
        return baseUrl() + AUTHORIZE_PATH;
    }

    public List<JsonObject> messagesTo(String wecomUserId) {
        return messages.stream().filter(m -> wecomUserId.equals(m.getString("touser"))).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
