package cn.liaison.backend.plan;

import cn.liaison.backend.FeatureFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/** 一企一策 / 陪跑 over HTTP: open, scope, step deadlines on an injected clock, visits, confirm, rate, reopen. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicePlansIT {

    @TempDir
    static Path dataDir;
    static FeatureFixture f;
    static String planId;

    @BeforeAll
    static void start() throws Exception {
        f = new FeatureFixture(dataDir);
        f.app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonObject newPlan() {
        return new JsonObject().put("title", "示范花园人防报建陪跑").put("goal", "两周内完成防空地下室报建审批")
                .put("demand", "企业对结建面积计算有疑问").put("projectId", "project-demo-1")
                .put("itemIds", new JsonArray().add("item-basement-permit").add("item-construction-drawing"))
                .put("steps", new JsonArray()
                        .add(new JsonObject().put("title", "核对应建面积计算").put("ownerId", "user-pukou-liaison-2").put("workingDays", 2))
                        .add(new JsonObject().put("title", "陪同企业网上申报").put("ownerId", "user-pukou-liaison-1").put("dueOn", "2026-12-04")))
                .put("agency", new JsonObject().put("leadId", "user-pukou-liaison-1")
                        .put("helperIds", new JsonArray().add("user-pukou-edz-liaison")));
    }

    @Test
    @Order(1)
    void liaisonOpensAPlanThatTheEnterpriseTheTeamAndTheAreaLeaderSee() throws Exception {
        JsonObject plan = f.ok(f.send("pukou-liaison-1", "POST", "/api/v1/plans", newPlan()), 201);
        planId = plan.getString("id");
        assertEquals("ACTIVE", plan.getString("status"));
        assertEquals("推进中", plan.getString("statusLabel"));
        assertEquals("enterprise-demo-1", plan.getString("enterpriseId"));
        assertEquals("user-pukou-head", plan.getString("leaderId"), "the project's leader (包片领导) by default");
        assertEquals(List.of("item-basement-permit", "item-construction-drawing"), plan.getJsonArray("items").stream()
                .map(JsonObject.class::cast).map(i -> i.getString("itemId")).toList());
        JsonObject first = plan.getJsonArray("steps").getJsonObject(0);
        assertEquals("2026-11-25", first.getString("dueOn"), "2 working days from Monday");
        assertEquals("张伟", first.getString("ownerName"));
        assertEquals("陈静", plan.getJsonObject("agency").getJsonArray("helpers").getJsonObject(0).getString("name"));

        JsonObject mine = f.ok(f.get("enterprise-1", "/api/v1/plans/" + planId), 200);
        assertEquals(0, mine.getJsonObject("progress").getInteger("percent"));
        assertFalse(mine.containsKey("history"), "the enterprise sees progress, not the office's ledger");
        assertEquals(404, f.get("enterprise-2", "/api/v1/plans/" + planId).statusCode());
        assertEquals(403, f.get("hotline-agent", "/api/v1/plans/" + planId).statusCode());
        for (String who : List.of("pukou-head", "pukou-edz-liaison", "city-admin", "enterprise-1")) {
            JsonArray items = f.ok(f.get(who, "/api/v1/plans"), 200).getJsonArray("items");
            assertTrue(items.stream().map(JsonObject.class::cast).anyMatch(p -> p.getString("id").equals(planId)), who);
        }
        assertTrue(f.ok(f.get("enterprise-2", "/api/v1/plans"), 200).getJsonArray("items").isEmpty());
        f.job("plan-outbox");
        assertEquals(1, f.notifier.sent(planId, NotificationEvent.PLAN_PROGRESS).size(), "the enterprise is told");
        List<String> team = f.notifier.sent(planId, NotificationEvent.PLAN_ASSIGNED).stream()
                .flatMap(n -> n.recipientIds().stream()).sorted().toList();
        assertEquals(List.of("user-pukou-edz-liaison", "user-pukou-liaison-2"), team);
    }

    @Test
    @Order(2)
    void badInputIsRefusedNamingTheField() throws Exception {
        JsonObject both = newPlan().put("enterpriseId", "enterprise-demo-1");
        assertEquals(400, f.send("pukou-liaison-1", "POST", "/api/v1/plans", both).statusCode());
        JsonObject unknownItem = newPlan().put("itemIds", new JsonArray().add("item-no-such"));
        assertTrue(f.send("pukou-liaison-1", "POST", "/api/v1/plans", unknownItem).body().contains("itemIds"));
        JsonObject unknownOwner = newPlan().put("steps", new JsonArray().add(new JsonObject().put("title", "x")
                .put("ownerId", "user-enterprise-1").put("workingDays", 1)));
        assertEquals(400, f.send("pukou-liaison-1", "POST", "/api/v1/plans", unknownOwner).statusCode(), "owners are staff");
        JsonObject weekend = newPlan().put("steps", new JsonArray().add(new JsonObject().put("title", "x")
                .put("ownerId", "user-pukou-liaison-1").put("dueOn", "2026-11-29")));
        assertEquals(400, f.send("pukou-liaison-1", "POST", "/api/v1/plans", weekend).statusCode(), "a Sunday is no deadline");
        assertEquals(403, f.send("enterprise-1", "POST", "/api/v1/plans", newPlan()).statusCode());
        assertEquals(409, f.send("enterprise-1", "POST", "/api/v1/plans/" + planId + "/confirm", null).statusCode(),
                "nothing to confirm while steps are open");
        assertEquals(403, f.send("enterprise-1", "POST", "/api/v1/plans/" + planId + "/visits",
                new JsonObject().put("place", "x").put("actions", "y")).statusCode());
    }

    @Test
    @Order(3)
    void stepDeadlinesRemindThenEscalateOnceEach() throws Exception {
        f.notifier.clear();
        f.clock.set(Instant.parse("2026-11-24T09:00:00Z")); // Tue 17:00 Beijing: more than half of 2 working days
        f.job("plan-deadlines");
        f.job("plan-outbox");
        List<Notification> due = f.notifier.sent(planId, NotificationEvent.PLAN_STEP_DUE);
        assertEquals(1, due.size());
        assertEquals(List.of("user-pukou-liaison-2"), due.get(0).recipientIds());
        assertTrue(due.get(0).text().contains("时限已过半"), due.get(0).text());
        f.notifier.clear();
        f.job("plan-deadlines");
        f.job("plan-outbox");
        assertTrue(f.notifier.sent(planId, NotificationEvent.PLAN_STEP_DUE).isEmpty(), "each mark once");

        f.clock.set(Instant.parse("2026-11-26T02:00:00Z")); // Thursday: past Wednesday's closing time
        f.job("plan-deadlines");
        f.job("plan-outbox");
        Notification overdue = f.notifier.sent(planId, NotificationEvent.PLAN_STEP_DUE).get(0);
        assertTrue(overdue.text().contains("已超期"), overdue.text());
        assertTrue(overdue.recipientIds().containsAll(List.of("user-pukou-liaison-2", "user-pukou-head")));
        f.notifier.clear();
        f.clock.set(Instant.parse("2026-11-30T02:00:00Z")); // Monday: 2 working days after the deadline
        f.job("plan-deadlines");
        f.job("plan-outbox");
        Notification city = f.notifier.sent(planId, NotificationEvent.PLAN_STEP_DUE).get(0);
        assertTrue(city.text().contains("升级至市级督办"), city.text());
        assertTrue(city.recipientIds().contains("user-city-admin"));
        JsonObject seen = f.ok(f.get("enterprise-1", "/api/v1/plans/" + planId), 200);
        assertEquals(1, seen.getJsonObject("progress").getInteger("overdue"));
    }

    @Test
    @Order(4)
    void visitsStepsConfirmationAndABadRatingReopens() throws Exception {
        String path = "/api/v1/plans/" + planId;
        JsonObject visited = f.ok(f.send("pukou-liaison-1", "POST", path + "/visits", new JsonObject().put("date", "2026-11-27")
                .put("place", "浦口区政务服务中心").put("companions", new JsonArray().add("企业报建专员"))
                .put("actions", "现场指导填报").put("fixedOnSpot", new JsonArray().add("补正面积计算表"))), 201);
        assertEquals("浦口区政务服务中心", visited.getJsonArray("visits").getJsonObject(0).getString("place"));
        assertEquals(400, f.send("pukou-liaison-1", "POST", path + "/visits", new JsonObject().put("date", "2026-12-31")
                .put("place", "x").put("actions", "y")).statusCode(), "not in the future");
        JsonArray steps = visited.getJsonArray("steps");
        f.notifier.clear();
        for (Object o : steps) {
            f.ok(f.send("pukou-liaison-2", "POST", path + "/steps/" + ((JsonObject) o).getString("id") + "/state",
                    new JsonObject().put("state", "DONE")), 200);
        }
        JsonObject ready = f.ok(f.get("enterprise-1", path), 200);
        assertEquals("AWAITING_CONFIRMATION", ready.getString("status"));
        assertEquals(100, ready.getJsonObject("progress").getInteger("percent"));
        f.job("plan-outbox");
        assertTrue(f.notifier.sent(planId, NotificationEvent.PLAN_PROGRESS).stream()
                .anyMatch(n -> n.text().contains("请在小程序确认") && n.recipientIds().contains("user-enterprise-1")));
        assertEquals(409, f.send("enterprise-1", "POST", path + "/rate", new JsonObject().put("level", "SATISFIED")).statusCode(),
                "confirm first");
        assertEquals(404, f.send("enterprise-2", "POST", path + "/confirm", null).statusCode());
        assertEquals("CONFIRMED", f.ok(f.send("enterprise-1", "POST", path + "/confirm", null), 200).getString("status"));

        JsonObject reopened = f.ok(f.send("enterprise-1", "POST", path + "/rate",
                new JsonObject().put("level", "DISSATISFIED").put("comment", "材料退回两次")), 200);
        assertEquals("ACTIVE", reopened.getString("status"));
        assertEquals(1, reopened.getInteger("round"));
        JsonObject rework = reopened.getJsonArray("steps").getJsonObject(2);
        assertEquals("整改：材料退回两次", rework.getString("title"));
        assertEquals("user-pukou-liaison-1", rework.getString("ownerId"), "the lead of the 1+N team");
        f.job("plan-outbox");
        assertTrue(f.notifier.sent(planId, NotificationEvent.PLAN_REOPENED).get(0).recipientIds().contains("user-pukou-head"));

        f.ok(f.send("pukou-liaison-1", "POST", path + "/steps/" + rework.getString("id") + "/state",
                new JsonObject().put("state", "DONE").put("note", "已当面解释并协助一次提交")), 200);
        f.ok(f.send("enterprise-1", "POST", path + "/confirm", null), 200);
        JsonObject closed = f.ok(f.send("enterprise-1", "POST", path + "/rate", new JsonObject().put("level", "VERY_SATISFIED")), 200);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("非常满意", closed.getJsonObject("rating").getString("label"));
        JsonObject staffView = f.ok(f.get("pukou-head", path), 200);
        assertTrue(staffView.getJsonArray("history").size() >= 8, staffView.encodePrettily());
        assertEquals(409, f.send("pukou-liaison-1", "POST", path + "/steps/" + rework.getString("id") + "/state",
                new JsonObject().put("state", "OPEN")).statusCode(), "a closed plan stays closed");
    }

    @Test
    @Order(5)
    void aPlanForAnEnterpriseWithADifficultDemandNeedsItToBeInTheArea() throws Exception {
        JsonObject body = new JsonObject().put("title", "地下车库人防门维修协调").put("goal", "协调施工单位一周内修复")
                .put("enterpriseId", "enterprise-demo-2");
        String id = f.ok(f.send("pukou-edz-liaison", "POST", "/api/v1/plans", body), 201).getString("id");
        assertEquals("南京浦口示范精密制造有限公司", f.ok(f.get("enterprise-2", "/api/v1/plans/" + id), 200).getString("enterpriseName"));
        assertEquals(0, f.ok(f.get("enterprise-2", "/api/v1/plans/" + id), 200).getJsonArray("steps").size());
        assertEquals(400, f.send("pukou-liaison-1", "POST", "/api/v1/plans",
                body.copy().put("enterpriseId", "enterprise-no-such")).statusCode());
        assertEquals(400, f.send("pukou-edz-liaison", "POST", "/api/v1/plans",
                body.copy().put("enterpriseId", "enterprise-demo-1")).statusCode(), "not in the park liaison's area");
    }

    @Test
    @Order(6)
    void theMonthlySummaryCountsPlansAndMeasuresSpeedAgainstTargets() throws Exception {
        String checklist = "/api/v1/projects/project-demo-1/checklist";
        f.ok(f.send("pukou-liaison-1", "POST", checklist + "/item-basement-permit/done", new JsonObject()
                .put("startedOn", "2026-11-02").put("doneOn", "2026-11-20").put("reference", "宁人防许字〔2026〕88号")), 200);
        f.ok(f.send("pukou-liaison-1", "POST", checklist + "/item-construction-drawing/done", new JsonObject()
                .put("startedOn", "2026-11-16").put("doneOn", "2026-11-18").put("reference", "图审2026-7")), 200);
        JsonObject report = f.ok(f.get("city-admin", "/api/v1/reports/monthly?month=2026-11"), 200);
        JsonObject plans = report.getJsonObject("servicePlans").getJsonObject("total");
        assertEquals(2, plans.getInteger("opened"), plans.encode());
        assertEquals(1, plans.getInteger("closed"));
        assertEquals(1, plans.getInteger("running"));
        assertEquals(1, plans.getInteger("visits"));
        assertEquals(1, plans.getInteger("reopened"));
        assertEquals(1, plans.getInteger("rated"), "the last rating counts");
        JsonObject pukou = report.getJsonObject("servicePlans").getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> "district-pukou".equals(r.getString("unitId"))).findFirst().orElseThrow();
        assertEquals(2, pukou.getInteger("opened"));

        java.util.Map<String, JsonObject> speed = new java.util.HashMap<>();
        report.getJsonObject("speed").getJsonArray("items").forEach(i -> speed.put(((JsonObject) i).getString("itemId"), (JsonObject) i));
        JsonObject joint = speed.get("item-joint-acceptance");
        assertEquals(4, joint.getInteger("legalDays"));
        assertEquals(1, joint.getInteger("targetDays"), "site survey within 1 working day instead of 4");
        JsonObject permit = speed.get("item-basement-permit");
        assertEquals(10, permit.getInteger("targetDays"), "legal 20, no promise published: cut by half");
        assertEquals(1, permit.getJsonObject("approvals").getInteger("count"));
        assertEquals(14.0, permit.getJsonObject("approvals").getDouble("median"));
        assertEquals(0.0, permit.getJsonObject("approvals").getDouble("shareWithinTarget"));
        JsonObject drawing = speed.get("item-construction-drawing").getJsonObject("approvals");
        assertEquals(1.0, drawing.getDouble("shareWithinTarget"));
        assertEquals("浦口区", drawing.getJsonArray("byUnit").getJsonObject(0).getString("unitName"));

        java.net.http.HttpResponse<byte[]> xlsx = f.app.app() == null ? null : java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(f.app.uri("/api/v1/reports/monthly.xlsx?month=2026-11"))
                        .header("Authorization", "Bearer " + f.token("city-admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        Path file = dataDir.resolve("monthly.xlsx");
        java.nio.file.Files.write(file, xlsx.body());
        String workbook;
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // fastexcel writes sheet names as character references: 一企一策 and 提速
        assertTrue(workbook.contains("&#x4e00;&#x4f01;&#x4e00;&#x7b56;") && workbook.contains("&#x63d0;&#x901f;"), workbook);
    }
}
