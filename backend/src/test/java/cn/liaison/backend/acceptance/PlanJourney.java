package cn.liaison.backend.acceptance;

import static cn.liaison.backend.acceptance.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.org.CreditCode;
import cn.liaison.backend.wechat.FakeWechat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/**
 * 一企一策 and 跨前服务 in the shipped jar, for an enterprise bound through WeChat: its project in its
 * first stage gets the proactive scan's check-in (the scan runs every few seconds by
 * PROACTIVE_SCAN_AT, since the suite cannot wait for 09:30) as a subscribe message opening the chat
 * about the project; a liaison opens a service plan and completes its step, each a subscribe message
 * with the plan template opening the plan's page; the enterprise sees the plan's progress, confirms
 * and rates it over HTTP. The enterprise is new, so no earlier contact holds the check-in back.
 */
final class PlanJourney {

    private static final String FIRST17 = "91320111MA1ACPLN2";

    private final Api api;
    private final FakeWechat wechat;
    private final Duration delivery;

    PlanJourney(Api api, FakeWechat wechat, Duration delivery) {
        this.api = api;
        this.wechat = wechat;
        this.delivery = delivery;
    }

    void run() throws Exception {
        String code = "wxplan-" + UUID.randomUUID().toString().substring(0, 8);
        String openid = "openid-" + code;
        String unbound = api.expect(200, "POST", "/api/v1/auth/wechat", null, new JsonObject().put("code", code)).getString("token");
        JsonObject binding = api.expect(201, "POST", "/api/v1/me/enterprise", unbound, new JsonObject()
                .put("creditCode", FIRST17 + CreditCode.checkCharacter(FIRST17)).put("name", "南京验收陪跑科技有限公司")
                .put("contactName", "郑航").put("phone", "13800004321"));
        api.expect(200, "POST", "/api/v1/enterprise-bindings/" + binding.getString("id") + "/approve", api.login("city-admin"),
                new JsonObject().put("districtUnitId", "district-pukou"));
        JsonObject mine = api.ok("/api/v1/me/enterprise", unbound);
        String enterpriseId = mine.getString("enterpriseId");
        String enterprise = mine.getString("token");

        String liaison = api.login("pukou-liaison-1");
        String projectId = api.expect(201, "POST", "/api/v1/projects", liaison, new JsonObject().put("name", "验收陪跑研发楼")
                .put("enterpriseId", enterpriseId).put("landUse", "INDUSTRIAL").put("totalFloorArea", 15000)
                .put("aboveGroundFloorArea", 12000)).getString("id");
        JsonObject checkIn = subscribeMessage(openid, "tpl-check-in", m -> true);
        assertEquals("pages/chat/index?projectId=" + projectId, checkIn.getString("page"));
        assertEquals("主动问询", checkIn.getJsonObject("data").getJsonObject("phrase2").getString("value"));

        JsonObject plan = api.expect(201, "POST", "/api/v1/plans", liaison, new JsonObject().put("title", "研发楼人防报建陪跑")
                .put("goal", "两周内完成防空地下室报建").put("projectId", projectId)
                .put("steps", new JsonArray().add(new JsonObject().put("title", "核对应建面积").put("ownerId", "user-pukou-liaison-1")
                        .put("workingDays", 2))));
        String planId = plan.getString("id");
        JsonObject opened = subscribeMessage(openid, "tpl-plan", m -> phrase(m).equals("方案已制定"));
        assertEquals("pages/plans/detail?id=" + planId, opened.getString("page"));
        assertEquals("研发楼人防报建陪跑", opened.getJsonObject("data").getJsonObject("thing3").getString("value"));

        String stepId = plan.getJsonArray("steps").getJsonObject(0).getString("id");
        api.expect(200, "POST", "/api/v1/plans/" + planId + "/steps/" + stepId + "/state", liaison,
                new JsonObject().put("state", "DONE").put("note", "面积核对无误"));
        assertEquals("pages/plans/detail?id=" + planId, subscribeMessage(openid, "tpl-plan", m -> phrase(m).equals("待您确认"))
                .getString("page"));

        JsonObject listed = api.ok("/api/v1/plans", enterprise).getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(p -> planId.equals(p.getString("id"))).findFirst().orElseThrow(() -> new AssertionError("the enterprise sees its plan"));
        assertEquals(100, listed.getJsonObject("progress").getInteger("percent"), listed.encode());
        assertEquals("AWAITING_CONFIRMATION", listed.getString("status"));
        api.expect(200, "POST", "/api/v1/plans/" + planId + "/confirm", enterprise, new JsonObject());
        JsonObject rated = api.expect(200, "POST", "/api/v1/plans/" + planId + "/rate", enterprise,
                new JsonObject().put("level", "SATISFIED").put("comment", "陪跑及时"));
        assertEquals("CLOSED", rated.getString("status"), rated.encode());
        assertTrue(api.get("/plan/", null).body().contains("服务方案"), "the enterprise's plan page is served from the jar");
    }

    private static String phrase(JsonObject message) {
        return message.getJsonObject("data").getJsonObject("phrase2").getString("value");
    }

    private JsonObject subscribeMessage(String openid, String template, java.util.function.Predicate<JsonObject> which)
            throws InterruptedException {
        return eventually("a subscribe message " + template + " to " + openid + " at WeChat; got " + wechat.subscribeMessages,
                delivery, () -> wechat.subscribeMessages.stream().filter(m -> openid.equals(m.getString("touser"))
                        && template.equals(m.getString("template_id")) && which.test(m)).findFirst().orElse(null));
    }
}
