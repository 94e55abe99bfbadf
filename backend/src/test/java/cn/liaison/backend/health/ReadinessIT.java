package cn.liaison.backend.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No chat traffic before the knowledge base answers: readiness is 503 until the index is built. */
class ReadinessIT {

    @TempDir
    Path dataDir;

    @Test
    void notReadyUntilTheKnowledgeBaseIndexAnswers() throws Exception {
        try (TestApp app = TestApp.start(dataDir)) {
            HttpResponse<String> early = app.get("/health/ready");
            boolean builtAlready = app.knowledgeBase().succeeded();
            if (!builtAlready) {
                // The index takes seconds to build; start() returns before it is there.
                assertEquals(503, early.statusCode(), early.body());
                JsonObject problem = new JsonObject(early.body());
                assertEquals("knowledgeBase", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
                assertTrue(problem.getString("detail").contains("知识库"), problem.getString("detail"));
            }
            assertEquals(200, app.get("/health/live").statusCode(), "alive while loading");

            app.knowledgeBase().await(120, TimeUnit.SECONDS);
            HttpResponse<String> ready = app.get("/health/ready");

            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("UP", new JsonObject(ready.body()).getJsonObject("checks").getString("knowledgeBase"));
        }
    }
}
