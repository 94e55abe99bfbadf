package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create acknowledges before assessment: the 201 carries the request as received, and routing
 * follows as its own change event. A request left {@code RECEIVED} (queue full under overload, or a
 * restart) is assessed by the job {@code assess} on its next pass, once, and tells its liaison once.
 */
class AssessmentAfterCreateIT {

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

    @Test
    void theCreateIsAcknowledgedAsReceivedAndRoutedAfterwards() throws Exception {
        HttpResponse<String> created = loop.post("enterprise-1", "/api/v1/requests", new JsonObject()
                .put("type", "DEMAND").put("content", "项目人防地下室竣工验收需要现场踏勘，请协调尽快安排").put("projectId", "project-demo-1"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = new JsonObject(created.body());
        assertEquals("RECEIVED", body.getString("status"), created.body());
        JsonObject assessed = loop.app.awaitAssessed(body.getString("id"));
        assertNotEquals("RECEIVED", assessed.getString("status"), assessed.encode());
    }

    @Test
    void aRequestLeftReceivedIsAssessedByTheJobOnceAndNotifiesOnce() throws Exception {
        RequestRepository repository = loop.app.port(RequestModule.class).repository();
        JsonObject me = new JsonObject(loop.get("enterprise-1", "/api/v1/me").body());
        String id = "left-received-1";
        JsonObject date = new JsonObject().put("$date", loop.clock.instant().toString());
        repository.insert(new JsonObject().put("_id", id).put("number", "SQ-LEFT-0001").put("version", 0L)
                .put("status", "RECEIVED").put("channel", "WEB").put("type", "DEMAND").put("projectId", "project-demo-1")
                .put("content", "项目人防地下室竣工验收需要现场踏勘，请协调尽快安排")
                .put("createdBy", new JsonObject().put("id", me.getString("id")).put("name", "企业用户").put("role", "ENTERPRISE"))
                .put("createdAt", date).put("history", new JsonArray()).put("outbox", new JsonArray()))
                .await(30, TimeUnit.SECONDS);

        assertEquals(0, loop.app.runJob("assess").await(30, TimeUnit.SECONDS), "left to the queue for its grace period");
        loop.clock.advance(Intake.ASSESS_GRACE.plus(Duration.ofSeconds(1)));
        assertEquals(1, loop.app.runJob("assess").await(30, TimeUnit.SECONDS));
        JsonObject assessed = loop.app.awaitAssessed(id);
        assertNotEquals("RECEIVED", assessed.getString("status"), assessed.encode());
        assertEquals(0, loop.app.runJob("assess").await(30, TimeUnit.SECONDS), "assessed requests are not offered again");
        loop.clock.advance(Duration.ofMinutes(2));
        loop.runScheduler(); // the scheduler's own pass over RECEIVED finds nothing left
        loop.deliverOutbox();
        loop.deliverOutbox();
        int told = loop.notifier.sent(id, NotificationEvent.ASSIGNED).size()
                + loop.notifier.sent(id, NotificationEvent.NEEDS_ASSIGNMENT).size()
                + loop.notifier.sent(id, NotificationEvent.FORWARDED).size();
        assertEquals(1, told, "one routing notification: " + loop.notifier.sent());
    }
}
