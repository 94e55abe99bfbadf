package cn.liaison.backend.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.BrowserScript;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise's plan view at phone size in a real browser (Debian's Chromium through
 * playwright-core, src/test/browser/plan-page.mjs): sign in, see progress, open the plan, confirm,
 * rate. Screenshots in target/plan-screenshots/.
 */
class PlanPageIT {

    private static final Path SHOTS = Path.of("target/plan-screenshots").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void enterpriseFollowsConfirmsAndRatesItsPlanOnAPhone() throws Exception {
        BrowserScript.assumeAvailable();
        try (TestApp app = TestApp.start(dataDir)) {
            app.knowledgeBase().await(180, TimeUnit.SECONDS);
            String liaison = app.loginAs("pukou-liaison-1");
            String title = "示范花园报建陪跑";
            JsonObject plan = new JsonObject(app.sendJson("POST", "/api/v1/plans", liaison, new JsonObject().put("title", title)
                    .put("goal", "协助企业一次办成防空地下室报建").put("projectId", "project-demo-1")
                    .put("itemIds", new JsonArray().add("item-basement-permit"))
                    .put("steps", new JsonArray().add(new JsonObject().put("title", "核对应建面积").put("ownerId", "user-pukou-liaison-1")
                            .put("workingDays", 3)))
                    .put("agency", new JsonObject().put("helperIds", new JsonArray().add("user-pukou-edz-liaison"))).encode()).body());
            String id = plan.getString("id");
            assertEquals(201, app.sendJson("POST", "/api/v1/plans/" + id + "/visits", liaison, new JsonObject()
                    .put("place", "浦口区政务服务中心").put("actions", "现场指导网上申报").encode()).statusCode());
            String stepId = plan.getJsonArray("steps").getJsonObject(0).getString("id");
            assertEquals(200, app.sendJson("POST", "/api/v1/plans/" + id + "/steps/" + stepId + "/state", liaison,
                    new JsonObject().put("state", "DONE").encode()).statusCode());
            BrowserScript.run("plan-page.mjs", Map.of("BASE_URL", BrowserScript.baseUrl(app),
                    "ENTERPRISE_USER", "enterprise-1", "ENTERPRISE_PASSWORD", BrowserScript.passwords(app).get("enterprise-1"),
                    "PLAN_TITLE", title),
                    SHOTS, "PLAN PAGE OK", 180);
            JsonObject after = new JsonObject(app.get("/api/v1/plans/" + id, liaison).body());
            assertEquals("CLOSED", after.getString("status"), "the browser's confirmation and rating reached the service");
            assertEquals("全程陪跑，省心", after.getJsonObject("rating").getString("comment"));
        }
    }
}
