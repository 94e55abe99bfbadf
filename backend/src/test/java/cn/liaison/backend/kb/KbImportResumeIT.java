package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.kb.KnowledgeBase;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start imports the bundled entries one by one. A process killed half-way left some of
 * them stored, and the next start, seeing entries, skipped the rest for ever. Here the store holds
 * part of the bundled content without the import's marker: a start completes it, leaving the
 * stored entries as they were; a store with the marker and an entry an admin changed is left alone.
 */
class KbImportResumeIT {

    @TempDir
    static Path dir;
    static Vertx vertx;
    static WorkerExecutor worker;

    @BeforeAll
    static void start() {
        cn.liaison.kb.index.KbIndex.keepVectorsIn(dir.resolve("kb-vectors"));
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("kb-import-test", 2);
    }

    @AfterAll
    static void stop() {
        worker.close();
        vertx.close();
    }

    private static MongoClient client(EmbeddedMongo mongo) {
        return MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                .put("db_name", "liaison"));
    }

    private static KnowledgeBase startService(MongoClient mongo) throws Exception {
        KbService service = new KbService(new KbRepository(mongo), null, worker, Clock.systemUTC(), null);
        KnowledgeBase kb = service.start().await(300, TimeUnit.SECONDS);
        return kb;
    }

    @Test
    void aStartCompletesAnImportThatWasStoppedHalfWay() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("interrupted"))) {
            MongoClient mongo = client(store);
            Map<String, String> bundled = KbService.bundledEntries();
            List<String> ids = new ArrayList<>(bundled.keySet());
            KbRepository entries = new KbRepository(mongo);
            // what the first start wrote before it was killed: the first third of the entries
            for (String id : ids.subList(0, ids.size() / 3)) {
                entries.publish(id, bundled.get(id), "system", Instant.parse("2026-11-01T00:00:00Z")).await(10, TimeUnit.SECONDS);
            }

            KnowledgeBase kb = startService(mongo);

            assertEquals(bundled.size(), mongo.count(KbRepository.COLLECTION, new JsonObject()).await(10, TimeUnit.SECONDS));
            assertEquals(bundled.size(), kb.content().entries().size(), "every bundled entry is published and indexed");
            for (String id : ids) {
                JsonObject doc = mongo.findOne(KbRepository.COLLECTION, new JsonObject().put("_id", id), null).await(10, TimeUnit.SECONDS);
                assertEquals(1, doc.getInteger("version"), id + " published once: " + doc.getInteger("version"));
            }
            kb.close();
            mongo.close();
        }
    }

    @Test
    void aFinishedImportAndAnAdminsEditAreLeftAlone() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("finished"))) {
            MongoClient mongo = client(store);
            Map<String, String> bundled = KbService.bundledEntries();
            KnowledgeBase first = startService(mongo);
            first.close();
            String id = bundled.keySet().iterator().next();
            KbRepository entries = new KbRepository(mongo);
            entries.unpublish(id, "city-admin", Instant.now()).await(10, TimeUnit.SECONDS);
            String other = new ArrayList<>(bundled.keySet()).get(1);
            mongo.removeDocument(KbRepository.COLLECTION, new JsonObject().put("_id", other)).await(10, TimeUnit.SECONDS);

            KnowledgeBase second = startService(mongo);

            JsonObject doc = mongo.findOne(KbRepository.COLLECTION, new JsonObject().put("_id", id), null).await(10, TimeUnit.SECONDS);
            assertNotNull(doc);
            assertEquals(null, doc.getValue("published"), "the admin's unpublish stands");
            assertEquals(1, doc.getInteger("version"));
            assertTrue(second.content().entry(id).isEmpty(), "an unpublished entry is not indexed");
            assertEquals(null, mongo.findOne(KbRepository.COLLECTION, new JsonObject().put("_id", other), null)
                    .await(10, TimeUnit.SECONDS), "a finished import does not run again");
            second.close();
            mongo.close();
        }
    }
}
