package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.liaison.backend.ChildProcess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded mode keeps every acknowledged write: a child JVM running the service is killed with
 * SIGKILL right after its last write was acknowledged, and a restart on the same data directory
 * still has every document. The stock H2 backend loses roughly the last second here.
 */
class DurabilityIT {

    private static final int WRITES = 300;
    private static final String LISTENING = "Listening on http://127.0.0.1:(\\d+)";
    private static final String MONGO = "MongoDB: embedded .* at (mongodb://127\\.0\\.0\\.1:\\d+)";

    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void acknowledgedWritesSurviveKillMinus9AndSigtermExitsCleanly() throws Exception {
        long orphanedRedisPid;
        try (var first = ChildProcess.start(dataDir, Map.of())) {
            String mongoUri = first.await(MONGO, 120);
            first.await(LISTENING, 120);
            MongoClient mongo = client(mongoUri);
            for (int i = 0; i < WRITES; i++) {
                mongo.insert("durability", new JsonObject().put("_id", "w" + i).put("n", i))
                        .await(10, TimeUnit.SECONDS);
            }
            orphanedRedisPid = Long.parseLong(Files.readString(dataDir.resolve("redis/redis.pid")).trim());
            first.kill9();
            mongo.close();
        }

        try (var second = ChildProcess.start(dataDir, Map.of())) {
            String mongoUri = second.await(MONGO, 120);
            second.await(LISTENING, 120);
            MongoClient mongo = client(mongoUri);

            long count = mongo.count("durability", new JsonObject()).await(10, TimeUnit.SECONDS);
            JsonObject last = mongo.findOne("durability", new JsonObject().put("_id", "w" + (WRITES - 1)), null)
                    .await(10, TimeUnit.SECONDS);
            mongo.close();

            assertEquals(WRITES, count, "acknowledged writes lost after kill -9");
            assertEquals(WRITES - 1, last.getInteger("n"));
            assertFalse(ProcessHandle.of(orphanedRedisPid).map(ProcessHandle::isAlive).orElse(false),
                    "the redis-server left by the killed JVM must be stopped on restart");

            // A stop during the knowledge-base build waits for it (at most 60 s, KbFeature.BUILD_WAIT).
            assertEquals(0, second.terminate(90), "SIGTERM must end the service with exit code 0");
            second.await("Stopped", 30);
        }
    }

    private MongoClient client(String uri) {
        return MongoClient.create(vertx, new JsonObject().put("connection_string", uri).put("db_name", "liaison"));
    }
}
