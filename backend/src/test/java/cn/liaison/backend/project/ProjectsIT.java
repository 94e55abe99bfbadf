package cn.liaison.backend.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project library over HTTP against the real service: scope, roles, stages, policies, visits. */
class ProjectsIT {

    @TempDir
    static Path dataDir;
    static ProjectFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ProjectFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void clearNotifications() throws Exception {
        f.deliverProjectOutbox();
        f.notifier.clear();
    }

    private static JsonObject rural(String name) {
        return new JsonObject().put("name", name).put("landUse", "RURAL_INDUSTRY_INTEGRATION")
                .put("totalFloorArea", 5200.5).put("aboveGroundFloorArea", 5200.5).put("floors", 3);
    }

    @Test
    void ruralIntegrationProjectIsExemptWithoutApplyingAndTheEnterpriseIsTold() throws Exception {
        JsonObject created = f.create("enterprise-1", rural("汤泉农旅融合示范园"));
        assertEquals("district-pukou", created.getString("district"), "the enterprise's district by default");
        assertEquals("EXEMPT", created.getJsonObject("obligation").getString("mode"));
        assertEquals(1, created.getJsonObject("policySummary").getInteger("applied"));

        JsonObject policies = f.ok(f.get("enterprise-1", "/api/v1/projects/" + created.getString("id") + "/policies"), 200);
        JsonObject match = policies.getJsonArray("matches").getJsonObject(0);
        assertEquals("nanjing-rural-integration-exempt", match.getString("policyId"));
        assertEquals("OBLIGATION_EXEMPT", match.getString("effect"));
        assertTrue(match.getBoolean("applied"));
        assertEquals("2026-11-23", match.getString("matchedAt"));
        assertTrue(match.getString("explanation").contains("农村一二三产业融合发展用地"), match.getString("explanation"));
        assertEquals(List.of("policy-rural-integration-exemption"), match.getJsonArray("sources").getList());

        assertEquals(1, f.deliverProjectOutbox(), "to the enterprise; the project has no liaison yet");
        List<Notification> told = f.notifier.sent(created.getString("id"), NotificationEvent.POLICY_MATCHED);
        assertTrue(told.stream().anyMatch(n -> n.recipientIds().contains("user-enterprise-1") && n.text().contains("无需申请")),
                told.toString());
    }

    @Test
    void scopeFollowsTheRequestLoop() throws Exception {
        String id = f.create("enterprise-1", rural("星甸融合产业园")).getString("id");
        String path = "/api/v1/projects/" + id;
        assertEquals(404, f.get("enterprise-2", path).statusCode(), "another enterprise");
        assertEquals(404, f.get("pukou-edz-liaison", path).statusCode(), "a park liaison, project not in the park");
        assertEquals(404, f.get("hotline-agent", path).statusCode());
        assertEquals(200, f.get("pukou-liaison-2", path).statusCode(), "a liaison of the district");
        assertEquals(200, f.get("pukou-head", path).statusCode());
        assertEquals(200, f.get("city-admin", path).statusCode());
        JsonArray mine = f.ok(f.get("enterprise-2", "/api/v1/projects"), 200).getJsonArray("items");
        assertTrue(mine.stream().map(JsonObject.class::cast).allMatch(p -> "enterprise-demo-2".equals(p.getString("enterpriseId"))));
        assertEquals(404, f.send("enterprise-2", "PATCH", path, new JsonObject().put("floors", 4)).statusCode());
    }

    @Test
    void onlyUnitHeadsAssignAndStageChangesAreRecorded() throws Exception {
        String id = f.create("enterprise-1", new JsonObject().put("name", "江浦商业综合体").put("landUse", "COMMERCIAL")
                .put("totalFloorArea", 40000).put("aboveGroundFloorArea", 30000)).getString("id");
        assertEquals(403, f.send("enterprise-1", "PATCH", "/api/v1/projects/" + id,
                new JsonObject().put("liaisonId", "user-pukou-liaison-2")).statusCode());
        assertEquals(403, f.send("pukou-liaison-2", "PATCH", "/api/v1/projects/" + id,
                new JsonObject().put("kind", "CITY_MAJOR")).statusCode(), "a liaison does not designate major projects");

        JsonObject assigned = f.patch("pukou-head", id, new JsonObject().put("liaisonId", "user-pukou-liaison-2")
                .put("leaderId", "user-pukou-head").put("kind", "CITY_MAJOR"));
        assertEquals("张伟", assigned.getString("liaisonName"));
        assertEquals("王磊", assigned.getString("leaderName"));
        assertTrue(assigned.getString("cardUrl").endsWith("/card.png"));
        f.deliverProjectOutbox();
        assertEquals(1, f.notifier.sent(id, NotificationEvent.PROJECT_ASSIGNED).size());

        f.clock.advance(java.time.Duration.ofDays(3));
        JsonObject moved = f.patch("enterprise-1", id, new JsonObject().put("stage", "CONSTRUCTION_PERMIT"));
        JsonArray stages = moved.getJsonArray("stageHistory");
        assertEquals(2, stages.size());
        assertEquals("PLANNING_PERMIT", stages.getJsonObject(1).getString("from"));
        assertEquals("CONSTRUCTION_PERMIT", stages.getJsonObject(1).getString("to"));
        assertEquals("user-enterprise-1", stages.getJsonObject(1).getJsonObject("by").getString("id"));
        assertEquals("2026-11-26T09:30:00+08:00", stages.getJsonObject(1).getString("at"));

        assertEquals(400, f.send("pukou-head", "PATCH", "/api/v1/projects/" + id,
                new JsonObject().put("liaisonId", "user-pukou-head")).statusCode(), "a head is not a liaison");
        assertEquals(400, f.send("pukou-head", "PATCH", "/api/v1/projects/" + id,
                new JsonObject().put("aboveGroundFloorArea", 50000)).statusCode(), "above ground > total");
    }

    @Test
    void offSiteWithPermitGetsLoweredFeeAndMergedHandlingAndDueNotAppliedIsFlagged() throws Exception {
        String id = f.create("enterprise-1", new JsonObject().put("name", "桥林物流中心").put("landUse", "LOGISTICS_WAREHOUSING")
                .put("totalFloorArea", 1800).put("hasConstructionPlanningPermit", true)).getString("id");
        JsonObject before = f.ok(f.get("enterprise-1", "/api/v1/projects/" + id + "/policies"), 200);
        assertEquals(0, before.getJsonArray("matches").size(), "the Henan rule does not apply in 南京");
        JsonObject reference = before.getJsonArray("references").getJsonObject(0);
        assertEquals("henan-logistics-zero-fee", reference.getString("policyId"));
        assertTrue(reference.getString("note").contains("河南"), reference.getString("note"));

        JsonObject offSite = f.patch("pukou-liaison-1", id, new JsonObject().put("obligation",
                new JsonObject().put("mode", "OFF_SITE").put("requiredArea", 120).put("feeAssessed", 150000)));
        assertEquals("LOWERED", offSite.getJsonObject("obligation").getString("feeStandard"));
        assertTrue(offSite.getJsonObject("obligation").getBoolean("mergedHandling"));
        JsonObject policies = f.ok(f.get("pukou-liaison-1", "/api/v1/projects/" + id + "/policies"), 200);
        List<String> ids = policies.getJsonArray("matches").stream().map(JsonObject.class::cast)
                .map(m -> m.getString("policyId")).sorted().toList();
        assertEquals(List.of("nanjing-credit-commitment", "nanjing-offsite-fee-lowered"), ids);
        assertTrue(policies.getJsonArray("matches").stream().map(JsonObject.class::cast)
                .filter(m -> m.getString("policyId").equals("nanjing-credit-commitment"))
                .allMatch(m -> m.getString("explanation").contains("已取得建设工程规划许可证为「是」")));
        f.deliverProjectOutbox();
        f.notifier.clear();

        // Land use corrected to rural integration: exempt; the fee already paid means 应享未享 (refund due).
        f.patch("pukou-liaison-1", id, new JsonObject().put("obligation", new JsonObject().put("feePaid", 150000)));
        JsonObject rural = f.patch("pukou-head", id, new JsonObject().put("landUse", "RURAL_INDUSTRY_INTEGRATION")
                .put("liaisonId", "user-pukou-liaison-1"));
        assertEquals("EXEMPT", rural.getJsonObject("obligation").getString("mode"));
        assertEquals(1, rural.getJsonObject("policySummary").getInteger("dueNotApplied"));
        JsonObject flagged = f.ok(f.get("pukou-head", "/api/v1/projects?dueNotApplied=true"), 200);
        assertTrue(flagged.getJsonArray("items").stream().map(JsonObject.class::cast).anyMatch(p -> p.getString("id").equals(id)));
        JsonObject after = f.ok(f.get("pukou-head", "/api/v1/projects/" + id + "/policies"), 200);
        JsonObject lapsed = after.getJsonArray("matches").stream().map(JsonObject.class::cast)
                .filter(m -> m.getString("policyId").equals("nanjing-offsite-fee-lowered")).findFirst().orElseThrow();
        assertFalse(lapsed.getBoolean("active"), "no longer off site");
        f.deliverProjectOutbox();
        List<Notification> due = f.notifier.sent(id, NotificationEvent.POLICY_DUE_NOT_APPLIED);
        assertEquals(1, due.size(), f.notifier.sent().toString());
        assertTrue(due.get(0).recipientIds().containsAll(List.of("user-pukou-liaison-1", "user-pukou-head")));
    }

    @Test
    void siteVisitOpensFollowUpRequestsOnTheProject() throws Exception {
        JsonObject visit = f.ok(f.send("pukou-liaison-1", "POST", "/api/v1/projects/project-demo-1/visits", new JsonObject()
                .put("date", "2026-11-20").put("peopleMet", new JsonArray().add("周强（项目经理）"))
                .put("problems", new JsonArray().add("防护门安装位置与图纸不符"))
                .put("followUps", new JsonArray().add(new JsonObject().put("type", "DEMAND")
                        .put("content", "请协调质监站复核防护门安装位置")))), 201);
        assertEquals("2026-11-20", visit.getString("date"));
        String requestId = visit.getJsonArray("followUpRequests").getJsonObject(0).getString("id");
        JsonObject request = f.ok(f.get("pukou-liaison-1", "/api/v1/requests/" + requestId), 200);
        assertEquals("VISIT", request.getString("channel"));
        assertEquals("project-demo-1", request.getString("projectId"));

        assertEquals(403, f.send("enterprise-1", "POST", "/api/v1/projects/project-demo-1/visits",
                new JsonObject().put("peopleMet", new JsonArray().add("我"))).statusCode());
        assertEquals(400, f.send("pukou-liaison-1", "POST", "/api/v1/projects/project-demo-1/visits",
                new JsonObject().put("date", "2026-12-01").put("peopleMet", new JsonArray().add("周强"))).statusCode(), "future");
        JsonArray visits = f.ok(f.get("enterprise-1", "/api/v1/projects/project-demo-1/visits"), 200).getJsonArray("items");
        assertEquals(1, visits.size());
    }

    @Test
    void nightlyPassPicksUpObligationsChangedOutsideTheApi() throws Exception {
        String id = f.create("pukou-liaison-1", new JsonObject().put("name", "永宁街道厂房").put("enterpriseId", "enterprise-demo-2")
                .put("landUse", "INDUSTRIAL")).getString("id");
        f.app.app().platform().stores().mongo().updateCollection("projects", new JsonObject().put("_id", id),
                new JsonObject().put("$set", new JsonObject().put("obligation.mode", "OFF_SITE"))).await(10, TimeUnit.SECONDS);
        assertTrue(f.app.runJob("project-policies").await(30, TimeUnit.SECONDS) >= 1);
        JsonObject project = f.ok(f.get("pukou-liaison-1", "/api/v1/projects/" + id), 200);
        assertEquals("LOWERED", project.getJsonObject("obligation").getString("feeStandard"));
    }

    @Test
    void majorProjectHasAPrintableCardWhoseQrOpensItsPage() throws Exception {
        f.app.app().platform().stores().mongo().updateCollection("users", new JsonObject().put("_id", "user-pukou-liaison-1"),
                new JsonObject().put("$set", new JsonObject().put("phone", "13912345678"))).await(10, TimeUnit.SECONDS);
        java.net.http.HttpResponse<byte[]> card = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(f.app.uri("/api/v1/projects/project-demo-1/card.png"))
                        .header("Authorization", "Bearer " + f.token("enterprise-1")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, card.statusCode());
        assertEquals("image/png", card.headers().firstValue("Content-Type").orElse(""));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(card.body()));
        assertEquals(CardRenderer.WIDTH, image.getWidth());
        assertEquals("https://liaison.example.com/mp/project?id=project-demo-1",
                cn.liaison.backend.inspection.QrScan.decode(card.body()));

        assertEquals("联络员：李娜　电话：139****5678", ContactCards.person("联络员", new cn.liaison.backend.identity.MongoUsers(f.app.app().platform().stores().mongo())
                .byId("user-pukou-liaison-1").await(10, TimeUnit.SECONDS)), "masked on a printed card");
        String general = f.create("enterprise-1", new JsonObject().put("name", "一般住宅项目").put("landUse", "RESIDENTIAL"))
                .getString("id");
        assertEquals(404, f.get("enterprise-1", "/api/v1/projects/" + general + "/card.png").statusCode(), "not a major project");
        assertEquals(404, f.get("enterprise-2", "/api/v1/projects/project-demo-1/card.png").statusCode(), "out of scope");
        assertEquals(401, f.app.get("/api/v1/projects/project-demo-1/card.png").statusCode());
    }
}
