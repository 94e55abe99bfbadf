package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time limits on a clock the test moves: reminders at 50% and 80%, overdue and escalation to the
 * unit head, then to the city office two working days later; rating invitations and auto-closing;
 * each exactly once however often the scheduler runs.
 */
class RequestDeadlinesIT {

    @TempDir
    Path dataDir;
    LoopFixture loop;

    @BeforeEach
    void start() throws Exception {
        loop = new LoopFixture(dataDir);
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    private void at(String time) {
        loop.clock.set(OffsetDateTime.parse(time).toInstant());
    }

    private JsonObject view(String id) throws Exception {
        return new JsonObject(loop.get("city-admin", "/api/v1/requests/" + id).body());
    }

    private List<String> historyActions(String id) throws Exception {
        return view(id).getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")).toList();
    }

    @Test
    void remindersOverdueAndEscalationHappenOnceEach() throws Exception {
        String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "请协调人防竣工验收现场踏勘").put("projectId", "project-demo-1")).getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.deliverOutbox();
        loop.notifier.clear();

        at("2026-11-24T10:00:00+08:00");
        assertEquals(0, loop.runScheduler(), "17% of the time limit: nothing yet");

        at("2026-11-26T12:00:00+08:00");
        assertEquals(1, loop.runScheduler());
        assertEquals(0, loop.runScheduler(), "the 50% reminder happens once");

        at("2026-11-27T17:00:00+08:00");
        assertEquals(1, loop.runScheduler());

        at("2026-12-01T10:00:00+08:00");
        assertEquals(1, loop.runScheduler());
        JsonObject overdue = view(id);
        assertTrue(overdue.getBoolean("overdue"));
        JsonObject ledger = new JsonObject(loop.get("pukou-head", "/api/v1/requests?overdue=true").body());
        assertTrue(ledger.getJsonArray("items").stream().anyMatch(r -> id.equals(((JsonObject) r).getString("id"))));

        at("2026-12-02T17:00:00+08:00");
        assertEquals(0, loop.runScheduler(), "city escalation waits two working days after the deadline");
        at("2026-12-03T09:00:00+08:00");
        assertEquals(1, loop.runScheduler());
        assertEquals(0, loop.runScheduler());

        assertEquals(List.of("CREATE", "ASSESS", "ASSIGN", "ACCEPT", "REMIND", "REMIND", "OVERDUE", "ESCALATE"),
                historyActions(id));
        loop.deliverOutbox();
        assertEquals(2, loop.notifier.sent(id, NotificationEvent.REMINDER).size());
        assertEquals(List.of("user-pukou-liaison-1"), loop.notifier.sent(id, NotificationEvent.REMINDER).get(0).recipientIds());
        List<String> overdueTo = loop.notifier.sent(id, NotificationEvent.OVERDUE).get(0).recipientIds();
        assertTrue(overdueTo.contains("user-pukou-head"), overdueTo.toString());
        List<String> escalatedTo = loop.notifier.sent(id, NotificationEvent.ESCALATED).get(0).recipientIds();
        assertTrue(escalatedTo.contains("user-city-admin"), escalatedTo.toString());
    }

    @Test
    void unsignedTaskIsRemindedAndEscalatedOnTheSignClock() throws Exception {
        String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "请安排人防质量监督").put("projectId", "project-demo-1")).getString("id");

        at("2026-11-24T15:00:00+08:00");
        assertEquals(1, loop.runScheduler());
        at("2026-11-25T09:30:00+08:00");
        assertEquals(1, loop.runScheduler(), "sign-for deadline (24 Nov 17:30) passed");

        List<String> actions = historyActions(id);
        assertEquals(List.of("REMIND", "OVERDUE"), actions.subList(actions.size() - 2, actions.size()));
        assertEquals("sign80", view(id).getJsonArray("history").getJsonObject(actions.size() - 2)
                .getJsonObject("data").getString("key"), "only the highest passed threshold is sent");
    }

    @Test
    void unratedResponseIsInvitedThenClosed() throws Exception {
        String id = loop.submit("enterprise-1", new JsonObject().put("type", "CONSULT")
                .put("content", "人防质量监督怎么申请？").put("projectId", "project-demo-1")).getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已电话告知报监流程").put("resolved", true));

        at("2026-11-26T17:00:00+08:00");
        assertEquals(0, loop.runScheduler(), "invitation after 3 working days (26 Nov 17:30), not before");
        at("2026-11-26T18:00:00+08:00");
        assertEquals(1, loop.runScheduler());
        at("2026-12-07T17:00:00+08:00");
        assertEquals(0, loop.runScheduler(), "closes 7 working days after the invitation (7 Dec 17:30)");
        at("2026-12-08T09:00:00+08:00");
        assertEquals(1, loop.runScheduler());

        JsonObject closed = view(id);
        assertEquals("CLOSED", closed.getString("status"));
        loop.deliverOutbox();
        assertEquals(List.of("user-enterprise-1"),
                loop.notifier.sent(id, NotificationEvent.RATING_INVITED).get(0).recipientIds());
    }

    @Test
    void failedDeliveryIsRetriedThenShownOnTheRequest() throws Exception {
        String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "请协调验收").put("projectId", "project-demo-1")).getString("id");
        loop.notifier.failNext(1000);

        for (int attempt = 0; attempt < 10; attempt++) {
            loop.deliverOutbox();
            loop.clock.advance(java.time.Duration.ofHours(1));
        }

        JsonObject request = view(id);
        assertEquals(0, request.getInteger("pendingNotifications"));
        assertTrue(request.getJsonArray("failedNotifications").size() >= 1, request.encodePrettily());
        assertEquals("recording: channel unavailable", request.getJsonArray("failedNotifications").getJsonObject(0).getString("lastError")); // the failing channel is named

        loop.notifier.failNext(0);
        String second = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "请协调验收第二次").put("projectId", "project-demo-1")).getString("id");
        loop.notifier.failNext(1);
        loop.deliverOutbox();
        loop.clock.advance(java.time.Duration.ofMinutes(1));
        loop.deliverOutbox();
        assertEquals(0, view(second).getInteger("pendingNotifications"), "delivered on the retry");
        assertEquals(1, loop.notifier.sent(second, NotificationEvent.ASSIGNED).size(), "and only once");
    }
}
