package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With MONGO_URI and REDIS_URL set the service starts nothing embedded and uses those servers;
 * readiness names the store that stops answering.
 */
class ExternalStoresIT {

    @TempDir
    Path serversDir;
    @TempDir
    Path appDataDir;

    @Test
    void externalStoresAreUsedAndReadinessNamesTheOneThatIsDown() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(serversDir);
             EmbeddedRedis redis = EmbeddedRedis.start(serversDir);
             TestApp app = TestApp.start(appDataDir,
                     Map.of("MONGO_URI", mongo.connectionString(), "MONGO_DB", "external_test", "REDIS_URL", redis.url(),
                             "JWT_SECRET", "external-test-secret-of-at-least-32-chars"),
                     List.of(), UnaryOperator.identity())) {

            app.knowledgeBase().await(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, app.get("/health/ready").statusCode());
            assertFalse(Files.exists(appDataDir.resolve("mongo")), "no embedded MongoDB in external mode");
            assertFalse(Files.exists(appDataDir.resolve("redis")), "no embedded Redis in external mode");

            redis.close();
            HttpResponse<String> down = app.get("/health/ready");

            assertEquals(503, down.statusCode());
            assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonObject problem = new JsonObject(down.body());
            assertEquals(List.of("redis"), problem.getJsonArray("errors").stream()
                    .map(e -> ((JsonObject) e).getString("field")).toList());
            assertTrue(problem.getString("detail").contains("Redis"), problem.getString("detail"));
            assertEquals(200, app.get("/health/live").statusCode(), "liveness does not depend on the stores");
        }
    }
}
