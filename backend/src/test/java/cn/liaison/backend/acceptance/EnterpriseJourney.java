package cn.liaison.backend.acceptance;

import static cn.liaison.backend.acceptance.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.wechat.FakeWechat;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * An enterprise on the mini-program: {@code wx.login} code → code2Session at (fake) WeChat → binding
 * to an enterprise the office does not know yet → approval by a city admin → a question answered
 * from the knowledge base → a complaint in the chat becomes a request → subscribe messages at
 * WeChat when it is accepted and answered → rating in the chat. Also WeChat's message push in safe
 * mode, answered as a customer-service message.
 *
 * <p>The binding is to a new enterprise, so it always waits for staff (demo enterprises are approved
 * at once under {@code DEMO=on}); the approval is an explicit city admin call, since a unit head
 * sees only bindings of enterprises already in their district. A colleague's later binding to the
 * same, now known, enterprise is approved by 浦口区's unit head.
 */
final class EnterpriseJourney {

    /** A valid 统一社会信用代码 (GB 32100 check character) of no demo enterprise. */
    static final String CREDIT_CODE = "91320111MA1ACPT7QE";

    private final Api api;
    private final FakeWechat wechat;
    private final String appId;
    private final String pushToken;
    private final String aesKey;
    private final Duration delivery;

    EnterpriseJourney(Api api, FakeWechat wechat, String appId, String pushToken, String aesKey, Duration delivery) {
        this.api = api;
        this.wechat = wechat;
        this.appId = appId;
        this.pushToken = pushToken;
        this.aesKey = aesKey;
        this.delivery = delivery;
    }

    void run() throws Exception {
        String code = "wxlogin-" + UUID.randomUUID().toString().substring(0, 8);
        String openid = "openid-" + code;
        JsonObject login = api.expect(200, "POST", "/api/v1/auth/wechat", null, new JsonObject().put("code", code));
        assertTrue(wechat.sessionCodes.contains(code), "the code went through code2Session at WeChat");
        assertFalse(login.encode().contains("session-key"), "the session key stays on the server");
        assertFalse(login.getJsonObject("user").getBoolean("bound"));
        String unbound = login.getString("token");

        JsonObject binding = api.expect(201, "POST", "/api/v1/me/enterprise", unbound, new JsonObject()
                .put("creditCode", CREDIT_CODE).put("name", "南京验收精密制造有限公司")
                .put("contactName", "孙立").put("phone", "13800001234"));
        assertEquals("PENDING", binding.getString("status"), "a new enterprise waits for staff: " + binding.encode());
        assertNull(api.ok("/api/v1/me/enterprise", unbound).getString("enterpriseId"));

        String admin = api.login("city-admin");
        JsonObject pending = api.ok("/api/v1/enterprise-bindings", admin).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(b -> CREDIT_CODE.equals(b.getString("creditCode"))).findFirst()
                .orElseThrow(() -> new AssertionError("the city admin does not see the pending binding"));
        assertEquals("13800001234", pending.getString("phone"), "staff see the full number");
        api.expect(200, "POST", "/api/v1/enterprise-bindings/" + pending.getString("id") + "/approve", admin,
                new JsonObject().put("districtUnitId", "district-pukou").put("note", "核实营业执照无误"));
        JsonObject mine = api.ok("/api/v1/me/enterprise", unbound);
        assertNotNull(mine.getString("enterpriseId"), mine.encode());
        assertEquals("APPROVED", mine.getJsonObject("binding").getString("status"));
        String token = mine.getString("token");
        assertNotNull(token, "a fresh token that carries the enterprise");

        Chat chat = new Chat(api, token);
        JsonObject answer = chat.first(chat.say("人防工程易地建设费怎么收"), "answer");
        assertNotNull(answer.getString("entryId"), answer.encode());
        assertFalse(answer.getJsonArray("sources").isEmpty(), "an answer names its sources");

        String requestId = chat.complain("我们厂区地下车库的人防门坏了，关不上，请尽快派人看看");
        JsonObject request = api.routed(requestId, token);
        assertEquals("MINIPROGRAM", request.getString("channel"));
        assertEquals("COMPLAINT", request.getString("type"));
        assertEquals(mine.getString("enterpriseId"), request.getString("enterpriseId"), request.encode());
        String liaisonId = assigned(requestId, request);

        JsonObject accepted = subscribeMessage(openid, "tpl-accepted");
        assertEquals("已受理", accepted.getJsonObject("data").getJsonObject("phrase2").getString("value"));
        assertTrue(accepted.getString("page").endsWith(requestId), accepted.encode());
        assertEquals("zh_CN", accepted.getString("lang"));

        String liaison = api.login(liaisonId.substring("user-".length()));
        api.expect(200, "POST", "/api/v1/requests/" + requestId + "/accept", liaison, new JsonObject());
        api.expect(200, "POST", "/api/v1/requests/" + requestId + "/respond", liaison,
                new JsonObject().put("result", "已到现场，更换了防护门铰链并调试，门已能正常关闭").put("resolved", true));
        JsonObject responded = subscribeMessage(openid, "tpl-responded");
        assertEquals("已答复", responded.getJsonObject("data").getJsonObject("phrase2").getString("value"));

        JsonObject progress = chat.say("我的诉求进度");
        assertEquals("rating", chat.first(progress, "form").getJsonArray("fields").getJsonObject(0).getString("name"),
                progress.encode());
        JsonObject thanks = chat.say("非常满意");
        assertTrue(chat.first(thanks, "text").getString("text").contains("感谢"), thanks.encode());
        JsonObject closed = api.ok("/api/v1/requests/" + requestId, admin);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("VERY_SATISFIED", closed.getJsonObject("rating").getString("level"));

        pushInSafeModeIsAnswered(openid);
        colleagueIsApprovedByTheDistrictUnitHead(mine.getString("enterpriseId"));
    }

    /** Now that the office knows the enterprise (in 浦口区), a colleague's binding goes to that district's unit head. */
    private void colleagueIsApprovedByTheDistrictUnitHead(String enterpriseId) throws Exception {
        String colleague = api.expect(200, "POST", "/api/v1/auth/wechat", null,
                new JsonObject().put("code", "wxlogin-colleague-" + UUID.randomUUID().toString().substring(0, 8))).getString("token");
        JsonObject binding = api.expect(201, "POST", "/api/v1/me/enterprise", colleague, new JsonObject()
                .put("creditCode", CREDIT_CODE).put("name", "南京验收精密制造有限公司")
                .put("contactName", "周敏").put("phone", "13800005678"));
        assertEquals("PENDING", binding.getString("status"), binding.encode());
        String head = api.login("pukou-head");
        JsonObject pending = api.ok("/api/v1/enterprise-bindings", head).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(b -> binding.getString("id").equals(b.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("浦口区's unit head does not see the binding"));
        api.expect(200, "POST", "/api/v1/enterprise-bindings/" + pending.getString("id") + "/approve", head, new JsonObject());
        assertEquals(enterpriseId, api.ok("/api/v1/me/enterprise", colleague).getString("enterpriseId"));
    }

    /** The liaison the request went to; when routing left it to the unit head, the unit head assigns it. */
    private String assigned(String requestId, JsonObject request) throws Exception {
        if (request.getString("liaisonId") != null) {
            assertEquals("ASSIGNED", request.getString("status"), request.encode());
            return request.getString("liaisonId");
        }
        api.expect(200, "POST", "/api/v1/requests/" + requestId + "/assign", api.login("pukou-head"),
                new JsonObject().put("liaisonId", "user-pukou-liaison-2"));
        return "user-pukou-liaison-2";
    }

    private JsonObject subscribeMessage(String openid, String template) throws InterruptedException {
        return eventually("a subscribe message " + template + " to " + openid + " at WeChat; got " + wechat.subscribeMessages,
                delivery, () -> wechat.subscribeMessages.stream()
                        .filter(m -> openid.equals(m.getString("touser")) && template.equals(m.getString("template_id")))
                        .findFirst().orElse(null));
    }

    /** WeChat pushes a user's message in safe mode (encrypted, msg_signature); the reply comes back as 客服消息. */
    private void pushInSafeModeIsAnswered(String openid) throws Exception {
        String inner = new JsonObject().put("ToUserName", "gh_acceptance").put("FromUserName", openid)
                .put("CreateTime", System.currentTimeMillis() / 1000).put("MsgType", "text").put("Content", "你好")
                .put("MsgId", System.nanoTime()).encode();
        WxCryptUtil.EncryptContext sealed = new WxCryptUtil(pushToken, aesKey, appId).encryptContext(inner);
        String query = "signature=" + sha1(pushToken, sealed.getTimeStamp(), sealed.getNonce()) + "&timestamp="
                + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce() + "&openid=" + openid
                + "&encrypt_type=aes&msg_signature=" + sealed.getSignature();
        HttpResponse<String> pushed = api.send(HttpRequest.newBuilder(api.uri("/wechat/mp/push?" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("ToUserName", "gh_acceptance").put("Encrypt", sealed.getEncrypt()).encode())));
        assertEquals(200, pushed.statusCode(), pushed.body());
        assertEquals("success", pushed.body());
        JsonObject reply = eventually("a customer-service reply to " + openid + " at WeChat", delivery,
                () -> wechat.customMessages.stream().filter(m -> openid.equals(m.getString("touser"))).findFirst().orElse(null));
        assertEquals("text", reply.getString("msgtype"));
        assertFalse(reply.getJsonObject("text").getString("content").isBlank());
    }

    /** WeChat's push signature: SHA-1 over the sorted, concatenated parts. */
    static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }
}
