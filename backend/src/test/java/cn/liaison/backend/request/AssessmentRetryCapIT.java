package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose assessment always fails was left {@code RECEIVED} and retried every minute for
 * ever: it never reached anyone. The text that did it (a lone surrogate) is now refused at the edge,
 * and the store replaces such a character when it keeps it, so here the request the classifier
 * cannot read is one stored without content (written into the store as a document of an earlier
 * version could be). After {@link Intake#MAX_ASSESS_FAILURES} failed passes of the scheduler it goes
 * to the city office for review, with a note saying why.
 */
class AssessmentRetryCapIT {

    @TempDir
    Path dataDir;

    @Test
    void aRequestWhoseAssessmentAlwaysFailsReachesCityReview() throws Exception {
        try (LoopFixture loop = new LoopFixture(dataDir)) {
            JsonObject model = loop.submit("enterprise-1", new JsonObject().put("type", "CONSULT")
                    .put("content", "请问人防工程竣工验收需要哪些材料"));
            MongoClient mongo = loop.app.app().platform().stores().mongo();
            JsonObject stored = mongo.findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", model.getString("id")), null)
                    .await(30, TimeUnit.SECONDS);
            JsonObject legacy = stored.copy();
            for (String assessed : new String[] {"assessment", "unitId", "unitName", "liaisonId", "liaisonName", "signDeadline",
                    "dueAt", "activeDueAt", "category", "categoryTitle", "district", "districtName", "parkId", "assessFailures"}) {
                legacy.remove(assessed);
            }
            legacy.remove("content");
            legacy.put("_id", "request-legacy-unreadable")
                    .put("number", "SQ20261123-9901")
                    .put("status", RequestStatus.RECEIVED.name())
                    .put("version", 0L)
                    .put("history", new JsonArray().add(stored.getJsonArray("history").getJsonObject(0)))
                    .put("outbox", new JsonArray());
            mongo.insert(RequestRepository.COLLECTION, legacy).await(30, TimeUnit.SECONDS);

            for (int pass = 1; pass <= Intake.MAX_ASSESS_FAILURES + 2; pass++) {
                loop.clock.advance(Duration.ofMinutes(2));
                loop.runScheduler();
            }

            JsonObject after = mongo.findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", "request-legacy-unreadable"), null)
                    .await(30, TimeUnit.SECONDS);
            assertEquals(Intake.MAX_ASSESS_FAILURES, after.getInteger("assessFailures"), after.encodePrettily());
            assertTrue(!RequestStatus.RECEIVED.name().equals(after.getString("status")), "left RECEIVED: " + after.encodePrettily());
            assertEquals("REVIEW", after.getJsonObject("assessment").getString("outcome"));
            assertTrue(after.getJsonObject("assessment").getString("reason").contains("人工研判"), after.encodePrettily());
        }
    }
}
