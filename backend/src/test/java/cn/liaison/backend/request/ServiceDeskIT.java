package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.search.SearchFeature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a service desk's users expect beyond the loop, over HTTP: internal notes only staff ever
 * receive, the enterprise's supplements and urges (once a working day, the unit head from the
 * second), counted in the monthly summary, and full-text search within the caller's scope.
 */
class ServiceDeskIT {

    @TempDir
    static Path dataDir;
    static LoopFixture loop;

    @BeforeAll
    static void start() throws Exception {
        loop = new LoopFixture(dataDir);
        loop.app.port(SearchFeature.class).built().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static String submitted(String user, String content) throws Exception {
        return loop.submit(user, new JsonObject().put("type", "DEMAND").put("content", content)
                .put("projectId", "enterprise-2".equals(user) ? "project-demo-2" : "project-demo-1")).getString("id");
    }

    private static JsonArray search(String user, String q, String more) throws Exception {
        HttpResponse<String> page = loop.get(user, "/api/v1/requests?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
        assertEquals(200, page.statusCode(), page.body());
        return new JsonObject(page.body()).getJsonArray("items");
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(i -> ((JsonObject) i).getString("id")).toList();
    }

    @Test
    void internalNotesReachStaffAndNeverTheEnterprise() throws Exception {
        String id = submitted("enterprise-1", "江浦示范花园人防工程验收资料不全，请告知需要补哪些材料");
        loop.notifier.clear();
        JsonObject noted = loop.act("pukou-liaison-1", id, "note", new JsonObject().put("note", "企业负责人脾气急躁，先电话沟通再上门"));
        JsonObject entry = noted.getJsonArray("history").getJsonObject(noted.getJsonArray("history").size() - 1);
        assertEquals("NOTE", entry.getString("action"));
        assertTrue(entry.getBoolean("internal"));
        assertEquals(noted.getString("status"), entry.getString("to"), "a note does not change the state");

        HttpResponse<String> own = loop.get("enterprise-1", "/api/v1/requests/" + id);
        assertEquals(200, own.statusCode());
        assertFalse(own.body().contains("脾气急躁"), own.body());
        assertFalse(own.body().contains("\"NOTE\""), own.body());
        assertFalse(loop.get("enterprise-1", "/api/v1/requests").body().contains("脾气急躁"));
        assertFalse(loop.get("enterprise-1", "/api/v1/requests/export.csv").body().contains("脾气急躁"));
        assertTrue(loop.get("pukou-head", "/api/v1/requests/" + id).body().contains("脾气急躁"));

        assertEquals(403, loop.post("enterprise-1", "/api/v1/requests/" + id + "/note",
                new JsonObject().put("note", "企业自己写的备注")).statusCode(), "x-roles: staff only");
        assertEquals(List.of(), ids(search("enterprise-1", "脾气急躁", "")), "an enterprise's search never matches a note");
        assertEquals(List.of(id), ids(search("pukou-liaison-1", "脾气急躁", "")));
        loop.deliverOutbox();
        assertTrue(loop.notifier.sent().stream().noneMatch(n -> n.text().contains("脾气急躁")), "a note notifies no one");
    }

    /**
     * Issue 15: an extension is the office's own business. The enterprise never reads the liaison's
     * reason, the unit head's note or that a request was refused; when the due date moves it is told
     * the new date in plain words. Staff see everything as before.
     */
    @Test
    void extensionReasonsAndDecisionsStayInternalAndTheEnterpriseIsToldOnlyTheNewDueDate() throws Exception {
        String approvedId = submitted("enterprise-1", "地下室防护设备需要第三方检测，请协调检测时间");
        loop.act("pukou-liaison-1", approvedId, "accept", new JsonObject());
        loop.act("pukou-liaison-1", approvedId, "extension",
                new JsonObject().put("workingDays", 3).put("reason", "检测机构排期紧张内部协调中"));
        String pending = loop.get("enterprise-1", "/api/v1/requests/" + approvedId).body();
        assertFalse(pending.contains("检测机构排期紧张"), "the reason: " + pending);
        assertFalse(pending.contains("EXTENSION") || pending.contains("延期"), "a pending request: " + pending);
        JsonObject staffView = loop.act("pukou-head", approvedId, "extension/approve",
                new JsonObject().put("note", "同意但须盯紧检测单位"));

        JsonObject seen = new JsonObject(loop.get("enterprise-1", "/api/v1/requests/" + approvedId).body());
        assertFalse(seen.encode().contains("检测机构排期紧张") || seen.encode().contains("盯紧"), seen.encodePrettily());
        assertFalse(seen.encode().contains("EXTENSION") || seen.encode().contains("批准"), seen.encodePrettily());
        String newDue = java.time.OffsetDateTime.parse(staffView.getString("dueAt")).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
        assertEquals(staffView.getString("dueAt"), seen.getString("dueAt"));
        JsonObject told = seen.getJsonArray("history").getJsonObject(seen.getJsonArray("history").size() - 1);
        assertEquals("办理期限延长至 " + newDue, told.getString("note"), seen.encodePrettily());
        assertEquals("办理期限延长", told.getString("actionLabel"));
        assertEquals(staffView.getString("dueAt"), seen.getJsonObject("extension").getString("dueAt"));
        assertEquals(List.of(), ids(search("enterprise-1", "检测机构排期紧张", "")), "the reason is not searchable by it");

        String staffBody = loop.get("pukou-head", "/api/v1/requests/" + approvedId).body();
        assertTrue(staffBody.contains("检测机构排期紧张") && staffBody.contains("盯紧") && staffBody.contains("EXTENSION_APPROVE"),
                "staff keep the whole story: " + staffBody);
        assertEquals(List.of(approvedId), ids(search("pukou-liaison-1", "检测机构排期紧张", "")));

        String rejectedId = submitted("enterprise-1", "人防工程防化设备维护保养咨询，希望尽快上门");
        loop.act("pukou-liaison-1", rejectedId, "accept", new JsonObject());
        loop.act("pukou-liaison-1", rejectedId, "extension", new JsonObject().put("workingDays", 5).put("reason", "联络员本周外出培训"));
        loop.act("pukou-head", rejectedId, "extension/reject", new JsonObject().put("note", "培训不是延期理由"));
        for (String path : List.of("/api/v1/requests/" + rejectedId, "/api/v1/requests", "/api/v1/requests/export.csv")) {
            String body = loop.get("enterprise-1", path).body();
            assertFalse(body.contains("外出培训") || body.contains("不是延期理由") || body.contains("驳回")
                    || body.contains("EXTENSION") || body.contains("检测机构排期紧张"), path + ": " + body);
        }
        assertTrue(loop.get("pukou-head", "/api/v1/requests/" + rejectedId).body().contains("不是延期理由"));
    }

    @Test
    void theEnterpriseSupplementsAndUrgesOnceAWorkingDayAndTheSecondUrgeReachesTheUnitHead() throws Exception {
        String id = submitted("enterprise-1", "地下车库人防门无法关闭，影响消防检查");
        loop.notifier.clear();
        JsonObject supplemented = loop.act("enterprise-1", id, "supplement", new JsonObject().put("text", "门型号为 HFM1020，已拍照"));
        assertTrue(supplemented.getJsonArray("history").stream().anyMatch(h -> "SUPPLEMENT".equals(((JsonObject) h).getString("action"))));
        JsonObject urged = loop.act("enterprise-1", id, "urge", new JsonObject().put("note", "下周就要检查了"));
        assertEquals(1, urged.getJsonObject("urges").getInteger("count"));
        loop.deliverOutbox();
        assertEquals(List.of("user-pukou-liaison-1"), recipients(id, NotificationEvent.SUPPLEMENTED));
        assertEquals(List.of("user-pukou-liaison-1"), recipients(id, NotificationEvent.URGED));

        HttpResponse<String> again = loop.post("enterprise-1", "/api/v1/requests/" + id + "/urge", new JsonObject());
        assertEquals(429, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new JsonObject(again.body()).getString("detail").contains("每个工作日只能催办一次"), again.body());
        assertEquals(403, loop.post("pukou-liaison-1", "/api/v1/requests/" + id + "/urge", new JsonObject()).statusCode());
        assertEquals(404, loop.post("enterprise-2", "/api/v1/requests/" + id + "/urge", new JsonObject()).statusCode());

        loop.clock.advance(Duration.ofDays(1));
        loop.notifier.clear();
        JsonObject second = loop.act("enterprise-1", id, "urge", new JsonObject());
        assertEquals(2, second.getJsonObject("urges").getInteger("count"));
        loop.deliverOutbox();
        List<String> told = recipients(id, NotificationEvent.URGED);
        assertTrue(told.contains("user-pukou-liaison-1") && told.contains("user-pukou-head"), told.toString());

        JsonObject report = new JsonObject(loop.get("city-admin", "/api/v1/reports/monthly?month=2026-11").body());
        assertTrue(report.getJsonObject("total").getLong("urges") >= 2, report.getJsonObject("total").encode());
        assertTrue(report.getJsonObject("total").getLong("urgedRequests") >= 1);

        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已更换闭锁装置").put("resolved", true));
        assertEquals(409, loop.post("enterprise-1", "/api/v1/requests/" + id + "/urge", new JsonObject()).statusCode(),
                "answered: rate it instead");
        assertEquals(409, loop.post("enterprise-1", "/api/v1/requests/" + id + "/supplement",
                new JsonObject().put("text", "再补充一点")).statusCode());
    }

    private static List<String> recipients(String id, NotificationEvent event) {
        return loop.notifier.sent(id, event).stream().flatMap(n -> n.recipientIds().stream()).distinct().toList();
    }

    @Test
    void searchFindsByMeaningfulWordsWithinScopeAndFiltersRankedBestFirst() throws Exception {
        String door = submitted("enterprise-1", "防护密闭门变形关不上，需要维修指导");
        String drawing = submitted("enterprise-1", "请问人防施工图审查需要提交哪些材料");
        String both = submitted("enterprise-1", "防护密闭门安装位置和施工图不一致，防护密闭门怎么整改");
        String other = submitted("enterprise-2", "防护密闭门漏水怎么办");
        loop.act("pukou-liaison-1", drawing, "accept", new JsonObject());
        loop.act("pukou-liaison-1", drawing, "respond", new JsonObject().put("result", "按照易地建设审批要求补交防护密闭门大样图").put("resolved", true));

        List<String> found = ids(search("city-admin", "防护密闭门", ""));
        assertTrue(found.containsAll(List.of(door, both, other, drawing)), found.toString());
        assertEquals(both, found.get(0), "the request saying it twice ranks first");
        assertTrue(found.indexOf(drawing) > found.indexOf(door), "a match in the reply ranks below one in the request");

        List<String> own = ids(search("enterprise-1", "防护密闭门", ""));
        assertFalse(own.contains(other), "another enterprise's request is outside the scope");
        assertTrue(own.contains(door));
        assertEquals(List.of(drawing), ids(search("city-admin", "防护密闭门", "&status=RESPONDED")));
        assertEquals(List.of(), ids(search("city-admin", "防护密闭门", "&from=2030-01-01")));
        assertEquals(List.of(), ids(search("city-admin", "空调外机噪音", "")));

        HttpResponse<String> first = loop.get("city-admin", "/api/v1/requests?limit=2&q=" + URLEncoder.encode("防护密闭门", StandardCharsets.UTF_8));
        String cursor = new JsonObject(first.body()).getString("nextCursor");
        JsonArray rest = search("city-admin", "防护密闭门", "&limit=2&cursor=" + cursor);
        assertFalse(ids(rest).isEmpty());
        assertTrue(ids(rest).stream().noneMatch(ids(new JsonObject(first.body()).getJsonArray("items"))::contains));

        String number = loop.get("city-admin", "/api/v1/requests/" + door).body();
        assertEquals(door, ids(search("city-admin", new JsonObject(number).getString("number"), "")).get(0));
        assertEquals(400, loop.get("city-admin", "/api/v1/requests?q=" + "门".repeat(101)).statusCode());
        assertEquals(400, loop.get("city-admin", "/api/v1/requests?q=x&cursor=bm9wZQ").statusCode());
    }

    @Test
    void cannedRepliesArePersonalOrTheUnitsAndKeptByThoseWhoMay() throws Exception {
        HttpResponse<String> mine = loop.post("pukou-liaison-1", "/api/v1/canned-replies",
                new JsonObject().put("scope", "PERSONAL").put("title", "已电话联系").put("text", "已电话联系企业负责人，"));
        assertEquals(201, mine.statusCode(), mine.body());
        String mineId = new JsonObject(mine.body()).getString("id");
        assertEquals(403, loop.post("pukou-liaison-1", "/api/v1/canned-replies",
                new JsonObject().put("scope", "UNIT").put("title", "单位用语").put("text", "x")).statusCode(), "liaisons keep only their own");
        HttpResponse<String> unit = loop.post("pukou-head", "/api/v1/canned-replies",
                new JsonObject().put("scope", "UNIT").put("title", "验收材料清单").put("text", "请按一次性告知单准备验收材料。"));
        assertEquals(201, unit.statusCode(), unit.body());
        String unitId = new JsonObject(unit.body()).getString("id");
        JsonObject unitReply = new JsonObject(unit.body());
        assertEquals("district-pukou", unitReply.getString("unitId"));
        assertTrue(unitReply.getString("unitName").contains("浦口"), unitReply.encode());

        List<String> liaisonSees = ids(new JsonObject(loop.get("pukou-liaison-1", "/api/v1/canned-replies").body()).getJsonArray("items"));
        assertEquals(List.of(mineId, unitId), liaisonSees, "own first, then the unit's");
        List<String> parkSees = ids(new JsonObject(loop.get("pukou-edz-liaison", "/api/v1/canned-replies").body()).getJsonArray("items"));
        assertEquals(List.of(unitId), parkSees, "a park below the district uses the district's, never a colleague's own");
        assertFalse(loop.get("city-admin", "/api/v1/canned-replies").body().contains(mineId));
        assertEquals(403, loop.get("enterprise-1", "/api/v1/canned-replies").statusCode());

        JsonObject change = new JsonObject().put("title", "验收材料").put("text", "请按清单准备。");
        assertEquals(404, loop.app.sendJson("PUT", "/api/v1/canned-replies/" + mineId, loop.token("pukou-head"), change.encode()).statusCode());
        assertEquals(403, loop.app.sendJson("PUT", "/api/v1/canned-replies/" + unitId, loop.token("pukou-liaison-1"), change.encode()).statusCode());
        HttpResponse<String> changed = loop.app.sendJson("PUT", "/api/v1/canned-replies/" + unitId, loop.token("pukou-head"), change.encode());
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("验收材料", new JsonObject(changed.body()).getString("title"));
        assertEquals(400, loop.post("pukou-liaison-1", "/api/v1/canned-replies",
                new JsonObject().put("scope", "PERSONAL").put("title", "太长".repeat(11)).put("text", "x")).statusCode());
        assertEquals(204, delete("/api/v1/canned-replies/" + unitId, "city-admin"));
        assertEquals(404, delete("/api/v1/canned-replies/" + unitId, "city-admin"));
    }

    private static int delete(String path, String user) throws Exception {
        return loop.app.send(java.net.http.HttpRequest.newBuilder(loop.app.uri(path)).DELETE()
                .header("Authorization", "Bearer " + loop.token(user))).statusCode();
    }
}
