package cn.liaison.backend.wechat;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mini-program channel against a fake WeChat API: login, message push, replies, subscribe messages. */
class WechatIT {

    static final String APPID = "wxfake0000000001";
    static final String TOKEN = "pushtoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @TempDir
    static Path dataDir;
    static final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    static FakeWechat wechat;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        wechat = new FakeWechat();
        Map<String, String> env = new HashMap<>();
        env.put("WECHAT_APPID", APPID);
        env.put("WECHAT_SECRET", "fake-secret");
        env.put("WECHAT_TOKEN", TOKEN);
        env.put("WECHAT_AES_KEY", AES_KEY);
        env.put("WECHAT_API_BASE", wechat.baseUrl());
        env.put("WECHAT_TEMPLATE_ACCEPTED", "tpl-accepted");
        env.put("WECHAT_TEMPLATE_RESPONDED", "tpl-responded");
        env.put("WECHAT_MSG_SEC_CHECK", "true");
        app = TestApp.start(dataDir, env,
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        wechat.close();
    }

    static String signature(String timestamp, String nonce) {
        return PushCodec.sign(TOKEN, timestamp, nonce);
    }

    static HttpResponse<String> push(String query, String contentType, String body) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri("/wechat/mp/push?" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> plain(String contentType, String body) throws Exception {
        return push("signature=" + signature("1700000000", "nonce1") + "&timestamp=1700000000&nonce=nonce1&openid=x",
                contentType, body);
    }

    static HttpResponse<String> safe(String contentType, String inner, boolean xml) throws Exception {
        WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, APPID).encryptContext(inner);
        String body = xml ? "<xml><ToUserName><![CDATA[gh_fake]]></ToUserName><Encrypt><![CDATA[" + sealed.getEncrypt()
                + "]]></Encrypt></xml>" : new JsonObject().put("ToUserName", "gh_fake").put("Encrypt", sealed.getEncrypt()).encode();
        return push("signature=" + signature(sealed.getTimeStamp(), sealed.getNonce()) + "&timestamp=" + sealed.getTimeStamp()
                + "&nonce=" + sealed.getNonce() + "&encrypt_type=aes&msg_signature=" + sealed.getSignature(), contentType, body);
    }

    static String jsonText(String openid, String text, long msgId) {
        return new JsonObject().put("ToUserName", "gh_fake").put("FromUserName", openid).put("CreateTime", 1700000000)
                .put("MsgType", "text").put("Content", text).put("MsgId", msgId).encode();
    }

    static String xmlText(String openid, String text, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_fake]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static List<JsonObject> repliesTo(String openid) {
        return wechat.customMessages.stream().filter(m -> openid.equals(m.getString("touser"))).toList();
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    static long stored(String key) throws Exception {
        return app.app().platform().stores().mongo().count(PushInbox.COLLECTION, new JsonObject().put("_id", key)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void urlVerificationEchoesOnlyWithTheRightSignature() throws Exception {
        String ok = "/wechat/mp/push?signature=" + signature("1700000000", "n") + "&timestamp=1700000000&nonce=n&echostr=hello123";
        HttpResponse<String> good = app.get(ok);
        assertEquals(200, good.statusCode());
        assertEquals("hello123", good.body());
        HttpResponse<String> bad = app.get(ok.replace("nonce=n", "nonce=m"));
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void loginGoesThroughCode2SessionAndKeepsTheSessionKeyOnTheServer() throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"login1\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("secret-session-key"));
        JsonObject user = app.app().platform().stores().mongo().findOne("users", new JsonObject().put("openid", "openid-login1"), null)
                .await(10, TimeUnit.SECONDS);
        assertEquals("union-login1", user.getString("unionid"));
        assertFalse(user.encode().contains("secret-session-key"), "session_key is not stored either");
        assertEquals(401, app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"bad-code\"}").statusCode());
    }

    @Test
    void plainJsonAndXmlTextsAreAnsweredWithCustomerServiceMessages() throws Exception {
        HttpResponse<String> json = plain("application/json", jsonText("o-plain-json", "你好", 1001));
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("success", json.body());
        HttpResponse<String> xml = plain("text/xml", xmlText("o-plain-xml", "你好", 1002));
        assertEquals("success", xml.body());
        waitFor(() -> !repliesTo("o-plain-json").isEmpty() && !repliesTo("o-plain-xml").isEmpty(), "customer-service replies");
        JsonObject reply = repliesTo("o-plain-xml").get(0);
        assertEquals("text", reply.getString("msgtype"));
        assertTrue(reply.getJsonObject("text").getString("content").startsWith("您好"), reply.encode());
        waitFor(() -> "SENT".equals(app.port(cn.liaison.backend.wechat.PushInbox.class).find("msg:1002").await().getString("state")), "SENT");
    }

    @Test
    void safeModeJsonAndXmlAreDecryptedAndAnswered() throws Exception {
        assertEquals("success", safe("application/json", jsonText("o-safe-json", "你好", 2001), false).body());
        assertEquals("success", safe("text/xml", xmlText("o-safe-xml", "你好", 2002), true).body());
        waitFor(() -> !repliesTo("o-safe-json").isEmpty() && !repliesTo("o-safe-xml").isEmpty(), "replies in safe mode");
    }

    @Test
    void tamperedSignatureIs401AndNothingIsStored() throws Exception {
        String sig = signature("1700000000", "nonce1");
        String tampered = (sig.charAt(0) == '0' ? '1' : '0') + sig.substring(1);
        HttpResponse<String> r = push("signature=" + tampered + "&timestamp=1700000000&nonce=nonce1", "application/json",
                jsonText("o-tampered", "你好", 3001));
        assertEquals(401, r.statusCode());
        WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, APPID).encryptContext(jsonText("o-tampered", "hi", 3002));
        String msgSig = sealed.getSignature();
        String badMsgSig = (msgSig.charAt(0) == '0' ? '1' : '0') + msgSig.substring(1);
        HttpResponse<String> safeBad = push("timestamp=" + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce()
                + "&encrypt_type=aes&msg_signature=" + badMsgSig, "application/json",
                new JsonObject().put("Encrypt", sealed.getEncrypt()).encode());
        assertEquals(401, safeBad.statusCode(), safeBad.body());
        assertEquals(0, stored("msg:3001") + stored("msg:3002"));
    }

    @Test
    void duplicatePushIsHandledOnce() throws Exception {
        String body = jsonText("o-dup", "你好", 4001);
        assertEquals("success", plain("application/json", body).body());
        assertEquals("success", plain("application/json", body).body());
        assertEquals("success", safe("application/json", body, false).body());
        waitFor(() -> !repliesTo("o-dup").isEmpty(), "the reply");
        // The reply is recorded as SENT just after it goes out: sweep only then, or the sweep races the record.
        waitFor(() -> "SENT".equals(app.port(cn.liaison.backend.wechat.PushInbox.class).find("msg:4001")
                .await().getString("state")), "SENT");
        app.port(cn.liaison.backend.wechat.PushInbox.class).runOnce().await(10, TimeUnit.SECONDS);
        assertEquals(1, repliesTo("o-dup").size(), "WeChat's retries are not answered again");
        assertEquals(1, stored("msg:4001"));
    }

    @Test
    void xxePayloadIsRefusedAndNothingIsProcessed() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml>"
                + "<FromUserName>o-xxe</FromUserName><MsgType>text</MsgType><Content>&x;</Content><MsgId>5001</MsgId></xml>";
        HttpResponse<String> r = plain("text/xml", xxe);
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(r.body().contains("root:"), "no file content leaks");
        assertEquals(0, stored("msg:5001"));
    }

    @Test
    void unsafeTextIsNotAnswered() throws Exception {
        plain("application/json", jsonText("o-risky", "这是违规内容", 6001));
        waitFor(() -> !repliesTo("o-risky").isEmpty(), "the refusal");
        assertTrue(repliesTo("o-risky").get(0).getJsonObject("text").getString("content").contains("不适宜"));
        assertTrue(wechat.secChecks.stream().anyMatch(c -> "2".equals(String.valueOf(c.getValue("version")))
                && "o-risky".equals(c.getString("openid"))), "msg_sec_check v2 with the openid");
    }

    @Test
    void progressReachesTheEnterpriseAsSubscribeMessagesAnd43101IsNotRetried() throws Exception {
        String token = new JsonObject(app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"sub\"}").body()).getString("token");
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", token, new JsonObject().put("type", "DEMAND")
                .put("content", "申请人防工程竣工验收前的现场指导，希望下周安排，项目位于江浦街道的示范花园")
                .put("contact", new JsonObject().put("name", "钱七").put("phone", "13700002222")).encode());
        assertEquals(201, created.statusCode(), created.body());
        String requestId = new JsonObject(created.body()).getString("id");
        app.runJob("outbox").await(30, TimeUnit.SECONDS);
        JsonObject sent = wechat.subscribeMessages.stream().filter(m -> "openid-sub".equals(m.getString("touser")))
                .findFirst().orElseThrow(() -> new AssertionError("no subscribe message: " + wechat.subscribeMessages));
        assertEquals("tpl-accepted", sent.getString("template_id"));
        assertEquals("formal", sent.getString("miniprogram_state"));
        assertEquals("zh_CN", sent.getString("lang"));
        JsonObject data = sent.getJsonObject("data");
        assertEquals("已受理", data.getJsonObject("phrase2").getString("value"));
        assertTrue(data.getJsonObject("thing3").getString("value").length() <= 20);
        assertTrue(sent.getString("page").endsWith(requestId));

        wechat.subscribeErrcode = WechatApi.NO_SUBSCRIPTION;
        try {
            String admin = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-city-admin").await(10, TimeUnit.SECONDS);
            JsonObject request = new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body());
            if (request.getString("liaisonId") == null) {
                app.sendJson("POST", "/api/v1/requests/" + requestId + "/assign", admin,
                        new JsonObject().put("liaisonId", "user-pukou-liaison-1").encode());
            }
            String liaison = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor(new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body())
                    .getString("liaisonId")).await(10, TimeUnit.SECONDS);
            app.sendJson("POST", "/api/v1/requests/" + requestId + "/accept", liaison, "{}");
            assertEquals(200, app.sendJson("POST", "/api/v1/requests/" + requestId + "/respond", liaison,
                    new JsonObject().put("result", "已安排下周二现场指导").put("resolved", true).encode()).statusCode());
            int before = wechat.subscribeMessages.size();
            app.runJob("outbox").await(30, TimeUnit.SECONDS);
            assertEquals(before + 1, wechat.subscribeMessages.size());
            JsonObject log = app.app().platform().stores().mongo().findOne(SubscribeNotifier.LOG_COLLECTION,
                    new JsonObject().put("requestId", requestId).put("event", "RESPONDED"), null).await(10, TimeUnit.SECONDS);
            assertEquals("NO_SUBSCRIPTION", log.getString("result"));
            JsonObject after = app.app().platform().stores().mongo().findOne("requests", new JsonObject().put("_id", requestId), null)
                    .await(10, TimeUnit.SECONDS);
            assertTrue(after.getJsonArray("outbox", new JsonArray()).isEmpty(), "43101 is not retried");
            assertTrue(after.getJsonArray("failedNotifications", new JsonArray()).isEmpty());
        } finally {
            wechat.subscribeErrcode = 0;
        }
        assertEquals(1, wechat.tokenCalls.get(), "one access token, cached in Redis, for every call");
    }
}
