package cn.liaison.backend.wechat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeChat's server API on loopback: access token, jscode2session, customer-service and subscribe
 * messages, msg_sec_check. Records what it was sent; can answer subscribe/send with an errcode.
 * Used by the in-process tests and by the acceptance suite against the shipped jar.
 */
public final class FakeWechat implements AutoCloseable {

    public static final String TOKEN = "fake-access-token-1";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public final AtomicInteger tokenCalls = new AtomicInteger();
    public final List<JsonObject> customMessages = new CopyOnWriteArrayList<>();
    public final List<JsonObject> subscribeMessages = new CopyOnWriteArrayList<>();
    public final List<JsonObject> secChecks = new CopyOnWriteArrayList<>();
    /** The {@code js_code}s exchanged through jscode2session, in order. */
    public final List<String> sessionCodes = new CopyOnWriteArrayList<>();
    public volatile int subscribeErrcode;
    public volatile int customErrcode;
    /** When set, the next customer-service send is recorded and answered only once this completes. */
    public final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> holdNextCustom =
            new java.util.concurrent.atomic.AtomicReference<>();

    public FakeWechat() throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get("/cgi-bin/token").handler(rc -> {
            tokenCalls.incrementAndGet();
            rc.json(new JsonObject().put("access_token", TOKEN).put("expires_in", 7200));
        });
        router.get("/sns/jscode2session").handler(rc -> {
            String code = rc.queryParams().get("js_code");
            if (code == null || rc.queryParams().get("appid") == null || rc.queryParams().get("secret") == null
                    || !"authorization_code".equals(rc.queryParams().get("grant_type"))) {
                rc.json(new JsonObject().put("errcode", 41002).put("errmsg", "appid, secret, js_code or grant_type missing"));
                return;
            }
            sessionCodes.add(code);
            if (code.startsWith("bad")) {
                rc.json(new JsonObject().put("errcode", 40029).put("errmsg", "invalid code"));
                return;
            }
            rc.json(new JsonObject().put("openid", "openid-" + code).put("session_key", "secret-session-key==")
                    .put("unionid", "union-" + code));
        });
        router.post("/cgi-bin/message/custom/send").handler(rc -> {
            if (!authorized(rc)) {
                return;
            }
            customMessages.add(rc.body().asJsonObject());
            JsonObject answer = new JsonObject().put("errcode", customErrcode).put("errmsg", customErrcode == 0 ? "ok" : "fail");
            java.util.concurrent.CompletableFuture<Void> hold = holdNextCustom.getAndSet(null);
            if (hold == null) {
                rc.json(answer);
            } else {
                hold.whenComplete((v, e) -> vertx.runOnContext(x -> rc.json(answer)));
            }
        });
        router.post("/cgi-bin/message/subscribe/send").handler(rc -> {
            if (!authorized(rc)) {
                return;
            }
            subscribeMessages.add(rc.body().asJsonObject());
            rc.json(new JsonObject().put("errcode", subscribeErrcode).put("errmsg", subscribeErrcode == 0 ? "ok" : "refused"));
        });
        router.post("/wxa/msg_sec_check").handler(rc -> {
            if (!authorized(rc)) {
                return;
            }
            JsonObject body = rc.body().asJsonObject();
            secChecks.add(body);
            String suggest = body.getString("content", "").contains("违规") ? "risky" : "pass";
            rc.json(new JsonObject().put("errcode", 0).put("errmsg", "ok")
                    .put("result", new JsonObject().put("suggest", suggest).put("label", 100)));
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    private static boolean authorized(io.vertx.ext.web.RoutingContext rc) {
        if (!TOKEN.equals(rc.queryParams().get("access_token"))) {
            rc.json(new JsonObject().put("errcode", 40001).put("errmsg", "invalid credential"));
            return false;
        }
        return true;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
