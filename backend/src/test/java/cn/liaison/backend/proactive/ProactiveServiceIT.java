package cn.liaison.backend.proactive;

import cn.liaison.backend.FeatureFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 跨前服务 on an injected clock: stage, deadline and silence tasks, one check-in each within 无事不扰 limits. */
class ProactiveServiceIT {

    @TempDir
    static Path dataDir;
    static FeatureFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new FeatureFixture(dataDir, Map.of("PROACTIVE_SILENCE_DAYS", "20", "PROACTIVE_CONTACTS_PER_MONTH", "2"));
        f.app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static List<JsonObject> tasks(String who, String projectId) throws Exception {
        return f.ok(f.get(who, "/api/v1/proactive-tasks?limit=200"), 200).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(t -> projectId.equals(t.getString("projectId"))).toList();
    }

    private static List<Notification> checkIns(String projectName) {
        return f.notifier.sent().stream().filter(n -> n.event() == NotificationEvent.CHECK_IN && n.text().contains(projectName)).toList();
    }

    @Test
    void tasksAreRaisedOnceAndCheckInsStayWithinTheMonthlyLimit() throws Exception {
        JsonObject project = f.ok(f.send("enterprise-1", "POST", "/api/v1/projects", new JsonObject().put("name", "江浦跨前服务测试项目")
                .put("landUse", "COMMERCIAL").put("totalFloorArea", 30000).put("aboveGroundFloorArea", 24000)), 201);
        String id = project.getString("id");
        assertEquals(1, f.job("proactive"), "a new project in its first stage");
        assertEquals(0, f.job("proactive"), "the same trigger raises nothing twice");
        f.job("proactive-outbox");
        JsonObject stage = tasks("pukou-liaison-1", id).get(0);
        assertEquals("STAGE", stage.getString("kind"));
        assertTrue(stage.getJsonArray("ask").size() >= 2, "says what to ask");
        assertTrue(stage.getJsonObject("checkIn").getBoolean("sent"));
        assertTrue(f.notifier.sent(stage.getString("id"), NotificationEvent.PROACTIVE_TASK).get(0).recipientIds()
                .contains("user-pukou-liaison-1"), "the unit's liaisons when the project has none yet");
        assertEquals(1, checkIns("江浦跨前服务测试项目").size());
        assertEquals(List.of("user-enterprise-1"), checkIns("江浦跨前服务测试项目").get(0).recipientIds());
        assertTrue(tasks("pukou-edz-liaison", id).isEmpty(), "another unit's liaison does not see it");
        assertEquals(403, f.get("enterprise-1", "/api/v1/proactive-tasks").statusCode());

        f.ok(f.send("pukou-liaison-1", "POST", "/api/v1/projects/" + id + "/checklist/item-basement-permit/start",
                new JsonObject().put("startedOn", "2026-11-23")), 200);
        f.clock.set(Instant.parse("2026-12-17T01:30:00Z")); // Thursday: due Monday 21 December, 2 working days ahead
        f.notifier.clear();
        assertEquals(2, f.job("proactive"), "the deadline ahead, and 24 days without contact");
        f.job("proactive-outbox");
        List<JsonObject> december = tasks("pukou-head", id);
        JsonObject deadline = december.stream().filter(t -> t.getString("kind").equals("DEADLINE")).findFirst().orElseThrow();
        JsonObject silence = december.stream().filter(t -> t.getString("kind").equals("SILENCE")).findFirst().orElseThrow();
        assertTrue(deadline.getString("reason").contains("2026-12-21"), deadline.encode());
        List<Boolean> sent = List.of(deadline.getJsonObject("checkIn").getBoolean("sent"), silence.getJsonObject("checkIn").getBoolean("sent"));
        assertTrue(sent.contains(true) && sent.contains(false), "one check-in a day: " + december);
        assertEquals(1, checkIns("江浦跨前服务测试项目").size());

        f.clock.set(Instant.parse("2026-12-18T01:30:00Z"));
        String done = "/api/v1/proactive-tasks/" + URLEncoder.encode(deadline.getString("id"), StandardCharsets.UTF_8) + "/done";
        JsonObject closed = f.ok(f.send("pukou-liaison-1", "POST", done, new JsonObject().put("note", "电话沟通，材料已补正")
                .put("contacted", true)), 200);
        assertEquals("已对接", closed.getString("statusLabel"));
        assertEquals(409, f.send("pukou-liaison-1", "POST", done, new JsonObject().put("note", "again")).statusCode());
        assertEquals(400, f.send("pukou-liaison-1", "POST", done, new JsonObject().put("note", " ")).statusCode());
        assertEquals(404, f.send("pukou-edz-liaison", "POST", "/api/v1/proactive-tasks/"
                + URLEncoder.encode(silence.getString("id"), StandardCharsets.UTF_8) + "/done", new JsonObject().put("note", "x")).statusCode());

        f.ok(f.send("pukou-head", "PATCH", "/api/v1/projects/" + id, new JsonObject().put("stage", "CONSTRUCTION_PERMIT")), 200);
        f.notifier.clear();
        assertEquals(1, f.job("proactive"), "entering the construction-permit stage");
        f.job("proactive-outbox");
        JsonObject construction = tasks("pukou-liaison-1", id).stream()
                .filter(t -> t.getString("id").endsWith("CONSTRUCTION_PERMIT")).findFirst().orElseThrow();
        assertFalse(construction.getJsonObject("checkIn").getBoolean("sent"));
        assertTrue(construction.getJsonObject("checkIn").getString("heldBack").contains("上限 2 次"), construction.encode());
        assertTrue(checkIns("江浦跨前服务测试项目").isEmpty(), "无事不扰: two contacts this month already");
        assertEquals(1, f.notifier.sent(construction.getString("id"), NotificationEvent.PROACTIVE_TASK).size(),
                "the liaison is still asked to follow up");
        assertTrue(construction.getJsonArray("ask").stream().map(String::valueOf).anyMatch(q -> q.contains("施工图")));
        assertFalse(new JsonArray().contains("x"));
    }
}
