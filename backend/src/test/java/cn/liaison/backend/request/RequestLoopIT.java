package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request loop through HTTP against the real service: 收集 → 研判 → 办理 → 反馈 → 回访. */
class RequestLoopIT {

    @TempDir
    static Path dataDir;
    static LoopFixture loop;

    @BeforeAll
    static void start() throws Exception {
        loop = new LoopFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    @BeforeEach
    void deliverEarlierNotifications() throws Exception {
        loop.deliverOutbox();
        loop.notifier.clear();
    }

    private static JsonObject demand(String content) {
        return new JsonObject().put("type", "DEMAND").put("content", content);
    }

    @Test
    void happyPathFromSubmissionToSatisfiedRating() throws Exception {
        JsonObject created = loop.submit("enterprise-1", demand("项目人防地下室竣工验收需要现场踏勘，请协调尽快安排")
                .put("projectId", "project-demo-1").put("contact", new JsonObject().put("name", "周强").put("phone", "13812345678")));

        assertEquals("ASSIGNED", created.getString("status"));
        assertEquals("user-pukou-liaison-1", created.getString("liaisonId"), "the project's own liaison");
        assertTrue(created.getString("number").matches("SQ20261123-\\d{4}"), created.getString("number"));
        assertEquals("2026-11-24T17:30:00+08:00", created.getString("signDeadline"));
        assertEquals("2026-11-30T17:30:00+08:00", created.getString("dueAt"), "demand: 5 working days");
        assertEquals("138****5678", created.getJsonObject("contact").getString("phone"), "masked for the enterprise");
        String id = created.getString("id");

        JsonObject staffView = new JsonObject(loop.get("pukou-liaison-1", "/api/v1/requests/" + id).body());
        assertEquals("13812345678", staffView.getJsonObject("contact").getString("phone"), "staff see the number");
        assertTrue(staffView.getJsonArray("actions").contains("accept"));

        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "progress", new JsonObject().put("note", "已联系质监站，周三现场踏勘"));
        JsonObject responded = loop.act("pukou-liaison-1", id, "respond",
                new JsonObject().put("result", "已于周三完成现场踏勘，验收意见已出具").put("resolved", true));
        assertEquals("RESPONDED", responded.getString("status"));

        JsonObject closed = loop.act("enterprise-1", id, "rate", new JsonObject().put("level", "SATISFIED").put("comment", "很及时"));
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(List.of("CREATE", "ASSESS", "ASSIGN", "ACCEPT", "PROGRESS", "RESPOND", "RATE"), actions(closed));
        JsonObject accept = closed.getJsonArray("history").getJsonObject(3);
        assertEquals("user-pukou-liaison-1", accept.getJsonObject("actor").getString("id"));
        assertEquals("LIAISON", accept.getJsonObject("actor").getString("role"));
        assertEquals("2026-11-23T09:30:00+08:00", accept.getString("at"));

        loop.deliverOutbox();
        assertEquals(1, loop.notifier.sent(id, NotificationEvent.ASSIGNED).size());
        Notification toEnterprise = loop.notifier.sent(id, NotificationEvent.RESPONDED).get(0);
        assertEquals(List.of("user-enterprise-1"), toEnterprise.recipientIds());
        assertEquals(0, new JsonObject(loop.get("city-admin", "/api/v1/requests/" + id).body()).getInteger("pendingNotifications"));
    }

    @Test
    void requestsNameTheirDistrictAndTheCityPlacingOneInADistrictPutsItThere() throws Exception {
        JsonObject placed = loop.submit("enterprise-1", demand("请协调人防地下室防护门检修").put("projectId", "project-demo-1"));
        assertEquals("district-pukou", placed.getString("district"));
        assertEquals("浦口区", placed.getString("districtName"), "people read the name next to the id");

        JsonObject unplaced = loop.submit("hotline-agent", demand("来电反映小区人防工程出入口堆满杂物，请协调清理"));
        assertEquals("ASSESSED", unplaced.getString("status"), unplaced.encodePrettily());
        assertNull(unplaced.getString("district"), "nobody could tell the district");
        JsonObject assessed = loop.act("city-admin", unplaced.getString("id"), "assess",
                new JsonObject().put("unitId", "park-pukou-edz").put("note", "地址在浦口经济开发区"));
        assertEquals("park-pukou-edz", assessed.getString("unitId"));
        assertEquals("district-pukou", assessed.getString("district"), "a park's request lies in the park's district");
        assertEquals("浦口区", assessed.getString("districtName"));
        JsonObject listed = new JsonObject(loop.get("pukou-head", "/api/v1/requests?unitId=district-pukou").body());
        assertTrue(listed.encode().contains(unplaced.getString("id")), "the district's ledger lists it");
    }

    @Test
    void aComplaintAboutOfficeStaffGoesToTheOfficeAboveThemNotToTheProjectsLiaison() throws Exception {
        JsonObject created = loop.submit("enterprise-1", new JsonObject().put("content", "我要投诉，窗口工作人员态度很差")
                .put("projectId", "project-demo-1"));
        assertEquals("COMPLAINT", created.getString("type"), created.encodePrettily());
        assertEquals("ASSESSED", created.getString("status"), "reviewed, not assigned: " + created.encodePrettily());
        assertNull(created.getString("liaisonId"), "not handed to the project's liaison");
        assertEquals("city", created.getString("unitId"), "the city office supervises the district's staff");
        assertEquals("district-pukou", created.getString("district"));
        loop.deliverOutbox();
        assertEquals(List.of("user-city-admin"), loop.notifier.sent(created.getString("id"),
                NotificationEvent.NEEDS_ASSIGNMENT).get(0).recipientIds());
    }

    @Test
    void badRatingReopensForReworkUntilSatisfied() throws Exception {
        String id = loop.submit("enterprise-1", demand("人防门关不严，请派人来看一下").put("projectId", "project-demo-1"))
                .getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已通知施工单位整改").put("resolved", false));

        JsonObject rework = loop.act("enterprise-1", id, "rate",
                new JsonObject().put("level", "DISSATISFIED").put("comment", "门还是关不上"));

        assertEquals("REWORK", rework.getString("status"));
        assertEquals(1, rework.getJsonObject("rework").getInteger("round"));
        assertEquals("2026-11-30T17:30:00+08:00", rework.getJsonObject("rework").getString("dueAt"), "5 working days");
        loop.deliverOutbox();
        List<String> told = loop.notifier.sent(id, NotificationEvent.REWORK).get(0).recipientIds();
        assertTrue(told.contains("user-pukou-head") && told.contains("user-pukou-liaison-1"), told.toString());

        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已更换门扇密封条并复查").put("resolved", true));
        JsonObject closed = loop.act("enterprise-1", id, "rate", new JsonObject().put("level", "VERY_SATISFIED"));
        assertEquals("CLOSED", closed.getString("status"));
    }

    @Test
    void anotherDepartmentsMatterIsForwardedAndTheEnterpriseTold() throws Exception {
        JsonObject created = loop.submit("enterprise-2", new JsonObject().put("content", "公司营业执照经营范围变更要去哪里办理？"));

        assertEquals("FORWARDED", created.getString("status"), created.encodePrettily());
        assertNotNull(created.getJsonObject("forward").getString("department"));
        loop.deliverOutbox();
        assertEquals(List.of("user-enterprise-2"),
                loop.notifier.sent(created.getString("id"), NotificationEvent.FORWARDED).get(0).recipientIds());
    }

    @Test
    void liaisonCanForwardByHand() throws Exception {
        JsonObject created = loop.submit("enterprise-1", demand("项目地下车库顶板渗水，请人防办协调处理")
                .put("projectId", "project-demo-1"));
        assertEquals("ASSIGNED", created.getString("status"));

        JsonObject forwarded = loop.act("pukou-liaison-1", created.getString("id"), "forward",
                new JsonObject().put("department", "住房和城乡建设局").put("note", "工程渗漏属施工质量问题，由住建部门处理"));

        assertEquals("FORWARDED", forwarded.getString("status"));
        assertEquals("住房和城乡建设局", forwarded.getJsonObject("forward").getString("department"));
    }

    @Test
    void extensionApprovedByTheUnitHeadMovesTheDeadlineOnceOnly() throws Exception {
        String id = loop.submit("enterprise-1", demand("请协调地下室防护设备检测").put("projectId", "project-demo-1")).getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());

        JsonObject requested = loop.act("pukou-liaison-1", id, "extension",
                new JsonObject().put("workingDays", 3).put("reason", "检测机构排期"));
        assertEquals("已申请，待审批", requested.getJsonObject("extension").getString("stateLabel"),
                "the phone page shows this label, never the state's constant");
        assertEquals(403, loop.post("pukou-liaison-1", "/api/v1/requests/" + id + "/extension/approve", new JsonObject()).statusCode());
        JsonObject approved = loop.act("pukou-head", id, "extension/approve", new JsonObject().put("note", "同意"));

        assertEquals("APPROVED", approved.getJsonObject("extension").getString("state"));
        assertEquals("已批准", approved.getJsonObject("extension").getString("stateLabel"));
        assertEquals("2026-12-03T17:30:00+08:00", approved.getString("dueAt"), "30 Nov + 3 working days");
        HttpResponse<String> again = loop.post("pukou-liaison-1", "/api/v1/requests/" + id + "/extension",
                new JsonObject().put("workingDays", 2).put("reason", "再延"));
        assertEquals(409, again.statusCode());
    }

    @Test
    void twoLiaisonsSigningAtOnceExactlyOneWins() throws Exception {
        JsonObject created = loop.submit("enterprise-1", demand("想约人防现场指导"));
        String id = created.getString("id");
        assertEquals("district-pukou", created.getString("unitId"), created.encodePrettily());

        String path = "/api/v1/requests/" + id + "/accept";
        List<CompletableFuture<HttpResponse<String>>> both = List.of(
                async(path, loop.token("pukou-liaison-1")), async(path, loop.token("pukou-liaison-2")));
        List<Integer> statuses = both.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();

        assertEquals(List.of(200, 409), statuses);
        JsonObject after = new JsonObject(loop.get("pukou-head", "/api/v1/requests/" + id).body());
        assertEquals("IN_PROGRESS", after.getString("status"));
        assertEquals(1, actions(after).stream().filter("ACCEPT"::equals).count());
    }

    private static CompletableFuture<HttpResponse<String>> async(String path, String token) {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(loop.app.uri(path)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void actionNotAllowedNowIsA409NamingTheState() throws Exception {
        String id = loop.submit("enterprise-1", demand("请协调验收").put("projectId", "project-demo-1")).getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());

        HttpResponse<String> response = loop.post("enterprise-1", "/api/v1/requests/" + id + "/rate",
                new JsonObject().put("level", "SATISFIED"));

        assertEquals(409, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new JsonObject(response.body()).getString("detail").contains("IN_PROGRESS"), response.body());
    }

    @Test
    void requestsOutsideYourScopeDoNotExist() throws Exception {
        String id = loop.submit("enterprise-1", demand("请协调图纸审查").put("projectId", "project-demo-1")).getString("id");

        assertEquals(404, loop.get("enterprise-2", "/api/v1/requests/" + id).statusCode());
        assertEquals(404, loop.get("pukou-edz-liaison", "/api/v1/requests/" + id).statusCode());
        assertEquals(404, loop.post("enterprise-2", "/api/v1/requests/" + id + "/rate",
                new JsonObject().put("level", "SATISFIED")).statusCode());
        assertEquals(200, loop.get("pukou-head", "/api/v1/requests/" + id).statusCode());
        assertEquals(200, loop.get("city-admin", "/api/v1/requests/" + id).statusCode());
        JsonArray mine = new JsonObject(loop.get("enterprise-2", "/api/v1/requests").body()).getJsonArray("items");
        assertFalse(mine.stream().anyMatch(r -> id.equals(((JsonObject) r).getString("id"))));
    }

    @Test
    void sameIdempotencyKeyGivesTheSameRequest() throws Exception {
        String body = demand("请帮忙查询易地建设费缴纳进度").encode();
        HttpRequest.Builder request = HttpRequest.newBuilder(loop.app.uri("/api/v1/requests"))
                .header("Authorization", "Bearer " + loop.token("enterprise-2"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "mp-20261123-0001")
                .POST(HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> first = loop.app.send(request);
        HttpResponse<String> second = loop.app.send(request);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(new JsonObject(first.body()).getString("id"), new JsonObject(second.body()).getString("id"));
    }

    @Test
    void invalidSubmissionIsA400AndStoresNothing() throws Exception {
        long before = loop.app.port(cn.liaison.backend.request.RequestModule.class).repository().count(new JsonObject()).await();

        HttpResponse<String> blank = loop.post("enterprise-1", "/api/v1/requests", new JsonObject().put("content", "   "));
        HttpResponse<String> foreignProject = loop.post("enterprise-2", "/api/v1/requests",
                demand("查询进度").put("projectId", "project-demo-1"));

        assertEquals(400, blank.statusCode());
        assertEquals("content", new JsonObject(blank.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        // Another enterprise's project does not exist for this caller (issue 14: no leak, 404).
        assertEquals(404, foreignProject.statusCode());
        assertEquals(before, loop.app.port(cn.liaison.backend.request.RequestModule.class).repository().count(new JsonObject()).await());
    }

    @Test
    void ledgerFiltersPagesAndExports() throws Exception {
        loop.submit("enterprise-2", new JsonObject().put("type", "COMPLAINT").put("content", "投诉：人防工程被占用堆放杂物"));
        loop.submit("enterprise-2", new JsonObject().put("type", "SUGGESTION").put("content", "建议增加线上预约现场指导"));

        JsonObject complaints = new JsonObject(loop.get("city-admin", "/api/v1/requests?type=COMPLAINT&limit=50").body());
        assertTrue(complaints.getJsonArray("items").stream().allMatch(r -> "COMPLAINT".equals(((JsonObject) r).getString("type"))));
        assertFalse(complaints.getJsonArray("items").isEmpty());

        JsonObject page1 = new JsonObject(loop.get("city-admin", "/api/v1/requests?limit=1").body());
        String cursor = page1.getString("nextCursor");
        JsonObject page2 = new JsonObject(loop.get("city-admin", "/api/v1/requests?limit=1&cursor=" + cursor).body());
        assertFalse(page1.getJsonArray("items").getJsonObject(0).getString("id")
                .equals(page2.getJsonArray("items").getJsonObject(0).getString("id")));

        HttpResponse<String> csv = loop.get("city-admin", "/api/v1/requests/export.csv?type=COMPLAINT");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\uFEFF编号,状态"), csv.body());
        assertTrue(csv.body().contains("投诉"));
        String row = csv.body().lines().filter(l -> l.contains("人防工程被占用堆放杂物")).findFirst().orElseThrow();
        assertTrue(row.contains(",浦口区,"), "the district by name: " + row);
        assertFalse(row.contains("district-") || row.contains("park-"), "no unit ids where people read: " + row);
        assertTrue(row.matches(".*,20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d,.*"), "Beijing time, readable: " + row);
        assertFalse(row.contains("+08:00"), row);
        String today = java.time.LocalDate.ofInstant(loop.clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertEquals("attachment; filename=\"requests-" + today + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow(), "named by the Beijing date of the test's clock");
        assertEquals(400, loop.get("city-admin", "/api/v1/requests?status=LOST").statusCode());
        assertEquals(400, loop.get("city-admin", "/api/v1/requests?cursor=%25%25").statusCode());
    }

    @Test
    void inboxListsMyOpenTasksSoonestDeadlineFirst() throws Exception {
        loop.submit("enterprise-1", new JsonObject().put("type", "CONSULT").put("content", "人防质量监督怎么报监？")
                .put("projectId", "project-demo-1"));
        loop.submit("enterprise-1", demand("请安排人防竣工验收").put("projectId", "project-demo-1"));

        JsonArray tasks = new JsonObject(loop.get("pukou-liaison-1", "/api/v1/tasks").body()).getJsonArray("items");

        List<String> due = tasks.stream().map(t -> ((JsonObject) t).getString("dueAt")).collect(Collectors.toList());
        assertFalse(due.isEmpty());
        assertEquals(due.stream().sorted().toList(), due);
        assertTrue(tasks.stream().allMatch(t -> "user-pukou-liaison-1".equals(((JsonObject) t).getString("liaisonId"))));
        assertEquals(403, loop.get("enterprise-1", "/api/v1/tasks").statusCode());
    }

    private static List<String> actions(JsonObject request) {
        return request.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")).toList();
    }
}
