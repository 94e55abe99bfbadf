package cn.liaison.backend.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.BrowserScript;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff phone page in a real browser: Debian's Chromium driven by playwright-core
 * (src/test/browser/*.mjs through {@link BrowserScript}) at 375×667 against the running service.
 * Screenshots are saved under target/mobile-screenshots/.
 */
class MobilePageIT {

    private static final Path SHOTS = Path.of("target/mobile-screenshots").toAbsolutePath();

    @TempDir
    static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        BrowserScript.assumeAvailable();
        app = TestApp.start(dataDir);
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void servesThePageAndItsModules() throws Exception {
        HttpResponse<String> page = app.get("/m/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> module = app.get("/m/app.js");
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertEquals(302, app.get("/m").statusCode());
        assertEquals(404, app.get("/m/missing.js").statusCode());
    }

    private static Map<String, String> passwords() throws Exception {
        return BrowserScript.passwords(app);
    }

    private static String base() {
        return BrowserScript.baseUrl(app);
    }

    @Test
    void liaisonSignsInSeesANewTaskLiveAcceptsAndResponds() throws Exception {
        Map<String, String> passwords = passwords();
        BrowserScript.run("mobile-page.mjs", Map.of("BASE_URL", base(),
                "LIAISON_USER", "pukou-liaison-1", "LIAISON_PASSWORD", passwords.get("pukou-liaison-1"),
                "ENTERPRISE_USER", "enterprise-1", "ENTERPRISE_PASSWORD", passwords.get("enterprise-1")), SHOTS, "MOBILE PAGE OK", 240);
        for (String shot : List.of("01-login.png", "02-inbox.png", "03-detail.png", "05-responded.png", "06-offline.png")) {
            assertTrue(Files.size(SHOTS.resolve(shot)) > 5_000, shot);
        }
    }

    @Test
    void unitHeadApprovesAnExtensionAndAssignsARequestFromThePhone() throws Exception {
        BrowserScript.run("unit-head-page.mjs", Map.of("BASE_URL", base(), "PASSWORDS", new JsonObject(new HashMap<>(passwords())).encode()),
                SHOTS, "UNIT HEAD PAGE OK", 240);
    }

    /**
     * Issue 16 on the phone: a liaison opens a plan card's link, signs in there, marks a step done and
     * logs an accompanied visit; then opens a proactive task's link and completes it. What the API
     * returns afterwards proves the page's actions reached the service.
     */
    @Test
    void liaisonWorksAPlanAndAProactiveTaskFromCardLinks() throws Exception {
        String head = app.loginAs("pukou-head");
        String liaison = app.loginAs("pukou-liaison-1");
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/plans", head, new JsonObject().put("title", "示范花园人防报建陪跑")
                .put("goal", "协助企业一次办成防空地下室报建").put("projectId", "project-demo-1")
                .put("itemIds", new JsonArray().add("item-basement-permit"))
                .put("steps", new JsonArray().add(new JsonObject().put("title", "核对应建面积").put("ownerId", "user-pukou-liaison-1")
                        .put("workingDays", 3)))
                .put("agency", new JsonObject().put("leadId", "user-pukou-liaison-1")).encode());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject plan = new JsonObject(created.body());
        String planId = plan.getString("id");
        String stepId = plan.getJsonArray("steps").getJsonObject(0).getString("id");

        HttpResponse<String> project = app.sendJson("POST", "/api/v1/projects", app.loginAs("enterprise-1"), new JsonObject()
                .put("name", "江浦手机跨前服务项目").put("landUse", "COMMERCIAL").put("totalFloorArea", 30000)
                .put("aboveGroundFloorArea", 24000).encode());
        assertEquals(201, project.statusCode(), project.body());
        String projectId = new JsonObject(project.body()).getString("id");
        app.runJob("proactive").await(60, TimeUnit.SECONDS);
        JsonObject task = proactiveTask(liaison, projectId);
        String liaisonName = new JsonObject(app.get("/api/v1/me", liaison).body()).getString("name");

        Map<String, String> passwords = passwords();
        BrowserScript.run("mobile-plan-page.mjs", Map.of("BASE_URL", base(), "LIAISON_USER", "pukou-liaison-1",
                "LIAISON_PASSWORD", passwords.get("pukou-liaison-1"), "LIAISON_NAME", liaisonName,
                "PLAN_ID", planId, "STEP_ID", stepId, "TASK_ID", task.getString("id")), SHOTS, "MOBILE PLAN PAGE OK", 240);

        JsonObject after = new JsonObject(app.get("/api/v1/plans/" + planId, liaison).body());
        JsonObject step = after.getJsonArray("steps").getJsonObject(0);
        assertEquals("DONE", step.getString("state"), after.encodePrettily());
        assertEquals("面积已与设计院核对无误", step.getString("note"));
        assertEquals("AWAITING_CONFIRMATION", after.getString("status"), "the only step done: the enterprise is asked to confirm");
        assertEquals(1, after.getJsonArray("visits").size(), after.encodePrettily());
        JsonObject visit = after.getJsonArray("visits").getJsonObject(0);
        assertEquals("浦口区政务服务中心", visit.getString("place"));
        assertEquals("现场指导企业网上申报并当场受理", visit.getString("actions"));
        assertEquals(List.of(liaisonName, "设计院王工", "企业李经理"), visit.getJsonArray("staff").getList());
        assertEquals(List.of("申报表漏填人防面积，当场补正"), visit.getJsonArray("fixedOnSpot").getList());

        JsonObject done = proactiveTask(liaison, projectId);
        assertEquals("DONE", done.getString("status"), done.encodePrettily());
        assertEquals("已电话联系企业，下周一上门核对人防面积", done.getString("note"));
        assertTrue(done.getBoolean("contacted"), "the contact counts against the monthly limit");
    }

    private static JsonObject proactiveTask(String token, String projectId) throws Exception {
        return new JsonObject(app.get("/api/v1/proactive-tasks?limit=200", token).body()).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(t -> projectId.equals(t.getString("projectId"))).findFirst().orElseThrow();
    }
}
