package cn.liaison.backend.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.wechat.FakeWechat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registered inspection reaches the enterprise's WeChat user as a subscribe message (the rating
 * template, opening the inspection's page) through the existing WeChat notifier and the outbox.
 */
class InspectionSubscribeIT {

    @TempDir
    Path dataDir;

    @Test
    void aRegisteredInspectionIsASubscribeMessageToRateIt() throws Exception {
        try (FakeWechat wechat = new FakeWechat();
             TestApp app = TestApp.start(dataDir, Map.of("WECHAT_APPID", "wxfake0000000002", "WECHAT_SECRET", "fake-secret",
                             "WECHAT_TOKEN", "pushtoken", "WECHAT_AES_KEY", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                             "WECHAT_API_BASE", wechat.baseUrl(), "WECHAT_TEMPLATE_RATING", "tpl-rating"),
                     StartOptions.defaults().withClock(MutableClock.at("2026-11-23T09:30:00+08:00"))
                             .withNotifierAndManualJobs(new RecordingNotifier()))) {
            String unbound = new JsonObject(app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"insp\"}").body()).getString("token");
            assertEquals(201, app.sendJson("POST", "/api/v1/me/enterprise", unbound, new JsonObject()
                    .put("creditCode", "91320111MA1XDM7A2U").put("name", "南京江浦示范置业有限公司")
                    .put("contactName", "周强").put("phone", "13800000009").encode()).statusCode());
            String enterprise = new JsonObject(app.get("/api/v1/me/enterprise", unbound).body()).getString("token");
            String code = new JsonObject(app.get("/api/v1/enterprises/enterprise-demo-1/code", enterprise).body()).getString("code");

            String liaison = app.loginAs("pukou-liaison-1");
            JsonObject plan = new JsonObject(app.sendJson("POST", "/api/v1/inspections", liaison, new JsonObject()
                    .put("enterpriseId", "enterprise-demo-1").put("itemId", "rfgc-use").put("kind", "RANDOM").encode()).body());
            var recorded = app.sendJson("POST", "/api/v1/inspections/" + plan.getString("id") + "/record", liaison, new JsonObject()
                    .put("code", code).put("inspectors", new JsonArray().add("李娜")).put("findings", "使用正常").encode());
            assertEquals(200, recorded.statusCode(), recorded.body());
            app.runJob("inspection-outbox").await(30, TimeUnit.SECONDS);

            JsonObject sent = wechat.subscribeMessages.stream().filter(m -> "tpl-rating".equals(m.getString("template_id")))
                    .findFirst().orElseThrow(() -> new AssertionError("no subscribe message: " + wechat.subscribeMessages));
            assertEquals("pages/inspections/detail?id=" + plan.getString("id"), sent.getString("page"));
            JsonObject data = sent.getJsonObject("data");
            assertEquals("检查待评价", data.getJsonObject("phrase2").getString("value"));
            assertTrue(data.getJsonObject("thing3").getString("value").startsWith("人防工程平时使用检查"), data.encode());
        }
    }
}
