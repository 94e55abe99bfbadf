package cn.liaison.backend.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enterprise once found is answered from memory (a create looked its enterprise up twice, for
 * its name and to route it); one not found is asked for again, since it may be registered since.
 * The store behind is the real embedded MongoDB; the test removes a document behind the register's
 * back to tell a remembered answer from a store read.
 */
class MongoEnterprisesIT {

    @TempDir
    Path dir;

    @Test
    void aFoundEnterpriseIsRememberedAndAMissingOneIsNot() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir)) {
            MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                    .put("db_name", "liaison"));
            MongoEnterprises enterprises = new MongoEnterprises(client);
            enterprises.ensureIndexes().await(60, TimeUnit.SECONDS);
            Enterprise first = new Enterprise("e-1", "南京某置业有限公司", "91320111MA1XDM7A2U", "district-pukou", null);
            enterprises.insert(first, List.of()).await(10, TimeUnit.SECONDS);

            assertEquals(first, enterprises.find("e-1").await(10, TimeUnit.SECONDS).orElseThrow());
            client.removeDocuments(MongoEnterprises.COLLECTION, new JsonObject().put("_id", "e-1")).await(10, TimeUnit.SECONDS);
            assertEquals(first, enterprises.find("e-1").await(10, TimeUnit.SECONDS).orElseThrow(),
                    "found once: answered without the store");

            assertTrue(enterprises.find("e-2").await(10, TimeUnit.SECONDS).isEmpty());
            Enterprise second = new Enterprise("e-2", "南京某建设集团", "91320111MA1XDM8B5U", "district-pukou", "park-pukou-edz");
            enterprises.insert(second, List.of()).await(10, TimeUnit.SECONDS);
            assertEquals(second, enterprises.find("e-2").await(10, TimeUnit.SECONDS).orElseThrow(),
                    "not found earlier, registered since: found now");
            client.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
