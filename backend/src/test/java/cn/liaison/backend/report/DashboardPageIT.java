package cn.liaison.backend.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.BrowserScript;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly-summary dashboard in a real browser (Debian's Chromium through playwright-core,
 * src/test/browser/dashboard-page.mjs): a city admin signs in and sees the figures, both charts and
 * the table; the screenshot is kept as target/dashboard-screenshots/dashboard.png.
 */
class DashboardPageIT {

    private static final Path SHOTS = Path.of("target/dashboard-screenshots").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void cityAdminSeesFiguresChartsAndTable() throws Exception {
        BrowserScript.assumeAvailable();
        try (TestApp app = TestApp.start(dataDir)) {
            // A request is classified with the knowledge base: on a loaded machine its build outlasts the client's timeout.
            app.knowledgeBase().await(180, TimeUnit.SECONDS);
            String enterprise = app.loginAs("enterprise-1");
            var created = app.sendJson("POST", "/api/v1/requests", enterprise,
                    new JsonObject().put("type", "DEMAND").put("content", "请协调人防竣工验收").put("projectId", "project-demo-1")
                            .encode());
            assertEquals(201, created.statusCode());
            app.awaitAssessed(new JsonObject(created.body()).getString("id")); // routing follows the acknowledged create
            BrowserScript.run("dashboard-page.mjs", Map.of("BASE_URL", BrowserScript.baseUrl(app),
                    "ADMIN_USER", "city-admin", "ADMIN_PASSWORD", BrowserScript.passwords(app).get("city-admin")),
                    SHOTS, "DASHBOARD OK", 180);
            assertTrue(Files.size(SHOTS.resolve("dashboard.png")) > 20_000);
        }
    }
}
