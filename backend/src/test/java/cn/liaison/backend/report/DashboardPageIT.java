package cn.liaison.backend.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly-summary dashboard in a real browser (Debian's Chromium through playwright-core,
 * src/test/browser/dashboard-page.mjs): a city admin signs in and sees the figures, both charts and
 * the table; the screenshot is kept as target/dashboard-screenshots/dashboard.png.
 */
class DashboardPageIT {

    private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/dashboard-screenshots").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @TempDir
    Path dataDir;

    @Test
    void cityAdminSeesFiguresChartsAndTable() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("MOBILE_BROWSER_TESTS")),
                "MOBILE_BROWSER_TESTS=skip: browser tests skipped on purpose");
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(),
                "browser test skipped: Chromium not found at " + CHROMIUM + " (.ci/run installs it)");
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            // As MobilePageIT does: whichever browser test runs first installs playwright-core (never a browser).
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(BROWSER_DIR.toFile())
                    .inheritIO().start();
            assertTrue(npm.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) && npm.exitValue() == 0,
                    "npm ci in " + BROWSER_DIR + " failed (.ci/run runs it too)");
        }
        try (TestApp app = TestApp.start(dataDir)) {
            // A request is classified with the knowledge base: on a loaded machine its build outlasts the client's timeout.
            app.knowledgeBase().await(180, TimeUnit.SECONDS);
            String enterprise = app.loginAs("enterprise-1");
            var created = app.sendJson("POST", "/api/v1/requests", enterprise,
                    new JsonObject().put("type", "DEMAND").put("content", "请协调人防竣工验收").put("projectId", "project-demo-1")
                            .encode());
            assertEquals(201, created.statusCode());
            app.awaitAssessed(new JsonObject(created.body()).getString("id")); // routing follows the acknowledged create
            Map<String, String> passwords = new HashMap<>();
            app.demoAccounts().forEach(a -> passwords.put(((JsonObject) a).getString("username"),
                    ((JsonObject) a).getString("password")));

            ProcessBuilder node = new ProcessBuilder("node", "dashboard-page.mjs").directory(BROWSER_DIR.toFile());
            node.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + app.app().port(),
                    "ADMIN_USER", "city-admin", "ADMIN_PASSWORD", passwords.get("city-admin"),
                    "SHOTS_DIR", SHOTS.toString(), "CHROMIUM", CHROMIUM));
            Files.createDirectories(SHOTS);
            Path log = SHOTS.resolve("dashboard-page.log");
            Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertTrue(finished, "the browser run did not finish:\n" + output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("DASHBOARD OK"), output);
            assertTrue(Files.size(SHOTS.resolve("dashboard.png")) > 20_000);
        }
    }
}
