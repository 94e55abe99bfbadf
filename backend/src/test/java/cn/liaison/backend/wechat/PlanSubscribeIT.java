package cn.liaison.backend.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service plan's progress and the office's check-in reach the enterprise's WeChat user as
 * subscribe messages (their own templates, pages and words, Beijing time from the injected clock),
 * each notice once per person, and WeChat's 43101 is recorded, not retried. Without the plan and
 * check-in templates nothing is sent: a request template is not borrowed.
 */
class PlanSubscribeIT {

    @TempDir
    Path dataDir;

    private static Map<String, String> env(FakeWechat wechat, boolean templates) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("WECHAT_APPID", "wxfake0000000003", "WECHAT_SECRET", "fake-secret",
                "WECHAT_API_BASE", wechat.baseUrl(), "WECHAT_TEMPLATE_RESPONDED", "tpl-responded"));
        if (templates) {
            env.put("WECHAT_TEMPLATE_PLAN", "tpl-plan");
            env.put("WECHAT_TEMPLATE_CHECK_IN", "tpl-check-in");
        }
        return env;
    }

    private static String boundEnterpriseUser(TestApp app, String code) throws Exception {
        String unbound = new JsonObject(app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"" + code + "\"}").body()).getString("token");
        assertEquals(201, app.sendJson("POST", "/api/v1/me/enterprise", unbound, new JsonObject()
                .put("creditCode", "91320111MA1XDM8B5U").put("name", "南京浦口示范精密制造有限公司")
                .put("contactName", "吴敏").put("phone", "13800000019").encode()).statusCode());
        return new JsonObject(app.get("/api/v1/me/enterprise", unbound).body()).getString("token");
    }

    private static List<JsonObject> to(FakeWechat wechat, String openid, String template) {
        return wechat.subscribeMessages.stream().filter(m -> openid.equals(m.getString("touser"))
                && template.equals(m.getString("template_id"))).toList();
    }

    @Test
    void planProgressAndACheckInAreSubscribeMessagesSentOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
        try (FakeWechat wechat = new FakeWechat();
             TestApp app = TestApp.start(dataDir, env(wechat, true),
                     StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()))) {
            app.knowledgeBase().await(180, TimeUnit.SECONDS); // the scan and project creation read it
            // The demo project of the same enterprise takes today's check-in (to its password user, no openid).
            app.runJob("proactive").await(60, TimeUnit.SECONDS);
            app.runJob("proactive-outbox").await(30, TimeUnit.SECONDS);
            String enterprise = boundEnterpriseUser(app, "planner");
            String liaison = app.loginAs("pukou-edz-liaison");
            HttpResponse<String> opened = app.sendJson("POST", "/api/v1/plans", liaison, new JsonObject()
                    .put("title", "精密车间人防工程竣工验收陪跑").put("goal", "两周内完成人防工程竣工验收备案").put("enterpriseId", "enterprise-demo-2")
                    .put("steps", new JsonArray().add(new JsonObject().put("title", "现场预查").put("ownerId", "user-pukou-edz-liaison")
                            .put("workingDays", 2))).encode());
            assertEquals(201, opened.statusCode(), opened.body());
            JsonObject plan = new JsonObject(opened.body());
            String planId = plan.getString("id");
            app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
            JsonObject first = to(wechat, "openid-planner", "tpl-plan").get(0);
            assertEquals("pages/plans/detail?id=" + planId, first.getString("page"));
            JsonObject data = first.getJsonObject("data");
            assertEquals("方案已制定", data.getJsonObject("phrase2").getString("value"));
            assertEquals("精密车间人防工程竣工验收陪跑", data.getJsonObject("thing3").getString("value"));
            assertEquals("2026-11-23 09:30", data.getJsonObject("time4").getString("value"), "Beijing time of the change");
            assertEquals(planId.replace("-", "").substring(0, 8).toUpperCase(), data.getJsonObject("character_string1").getString("value"));

            clock.advance(Duration.ofHours(2));
            String stepId = plan.getJsonArray("steps").getJsonObject(0).getString("id");
            assertEquals(200, app.sendJson("POST", "/api/v1/plans/" + planId + "/steps/" + stepId + "/state", liaison,
                    new JsonObject().put("state", "DONE").put("note", "预查无问题").encode()).statusCode());
            app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
            app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
            List<JsonObject> plans = to(wechat, "openid-planner", "tpl-plan");
            assertEquals(2, plans.size(), "one message per notice, however often the outbox runs: " + plans);
            assertEquals("待您确认", plans.get(1).getJsonObject("data").getJsonObject("phrase2").getString("value"));
            assertEquals("2026-11-23 11:30", plans.get(1).getJsonObject("data").getJsonObject("time4").getString("value"));
            assertEquals(200, app.sendJson("POST", "/api/v1/plans/" + planId + "/confirm", enterprise, "{}").statusCode());
            app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
            assertEquals(2, to(wechat, "openid-planner", "tpl-plan").size(), "the confirmation goes to staff, not to WeChat");

            clock.advance(Duration.ofDays(1)); // Tuesday: the office has contacted the enterprise once this month
            HttpResponse<String> project = app.sendJson("POST", "/api/v1/projects", app.loginAs("pukou-edz-liaison"), new JsonObject()
                    .put("name", "精密车间二期").put("enterpriseId", "enterprise-demo-2").put("landUse", "INDUSTRIAL")
                    .put("totalFloorArea", 12000).put("aboveGroundFloorArea", 10000).encode());
            assertEquals(201, project.statusCode(), project.body());
            String projectId = new JsonObject(project.body()).getString("id");
            wechat.subscribeErrcode = WechatApi.NO_SUBSCRIPTION;
            try {
                app.runJob("proactive").await(60, TimeUnit.SECONDS);
                app.runJob("proactive-outbox").await(30, TimeUnit.SECONDS);
                app.runJob("proactive-outbox").await(30, TimeUnit.SECONDS);
            } finally {
                wechat.subscribeErrcode = 0;
            }
            List<JsonObject> checkIns = to(wechat, "openid-planner", "tpl-check-in");
            assertEquals(1, checkIns.size(), "one check-in, and 43101 is not retried: " + checkIns);
            assertEquals("2026-11-24 11:30", checkIns.get(0).getJsonObject("data").getJsonObject("time4").getString("value"));
            assertEquals("pages/chat/index?projectId=" + projectId, checkIns.get(0).getString("page"));
            assertEquals("主动问询", checkIns.get(0).getJsonObject("data").getJsonObject("phrase2").getString("value"));
            assertTrue(checkIns.get(0).getJsonObject("data").getJsonObject("thing3").getString("value").startsWith("精密车间二期"),
                    checkIns.get(0).encode());
            JsonObject log = app.app().platform().stores().mongo().findOne(SubscribeNotifier.LOG_COLLECTION,
                    new JsonObject().put("event", "CHECK_IN"), null).await(10, TimeUnit.SECONDS);
            assertEquals("NO_SUBSCRIPTION", log.getString("result"));
            assertEquals("tpl-check-in", log.getString("templateId"));
        }
    }

    @Test
    void withoutPlanAndCheckInTemplatesNothingIsSentForThem() throws Exception {
        try (FakeWechat wechat = new FakeWechat();
             TestApp app = TestApp.start(dataDir, env(wechat, false), StartOptions.defaults()
                     .withClock(MutableClock.at("2026-11-23T09:30:00+08:00")).withNotifierAndManualJobs(new RecordingNotifier()))) {
            app.knowledgeBase().await(180, TimeUnit.SECONDS);
            String enterprise = boundEnterpriseUser(app, "quiet");
            assertEquals(201, app.sendJson("POST", "/api/v1/plans", app.loginAs("pukou-edz-liaison"), new JsonObject()
                    .put("title", "人防门维修协调").put("goal", "一周内修复").put("enterpriseId", "enterprise-demo-2").encode()).statusCode());
            assertEquals(201, app.sendJson("POST", "/api/v1/projects", enterprise, new JsonObject().put("name", "精密车间三期")
                    .put("landUse", "INDUSTRIAL").put("totalFloorArea", 9000).put("aboveGroundFloorArea", 8000).encode()).statusCode());
            app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
            app.runJob("proactive").await(60, TimeUnit.SECONDS);
            app.runJob("proactive-outbox").await(30, TimeUnit.SECONDS);
            assertEquals(List.of(), wechat.subscribeMessages, "the request's template is not spent on a plan or a check-in");
        }
    }
}
