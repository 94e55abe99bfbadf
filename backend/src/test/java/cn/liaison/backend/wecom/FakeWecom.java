package cn.liaison.backend.wecom;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom's API as far as the service uses it, on loopback: gettoken, OAuth getuserinfo (codes
 * registered by the test) and message/send (recorded; can be told to answer with an error code).
 */
final class FakeWecom implements AutoCloseable {

    static final String TOKEN = "fake-access-token";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    final Map<String, String> codes = new ConcurrentHashMap<>();
    volatile int sendErrorCode;

    FakeWecom() throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
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

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<JsonObject> messagesTo(String wecomUserId) {
        return messages.stream().filter(m -> wecomUserId.equals(m.getString("touser"))).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
