package cn.liaison.backend.inspection;

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
 * The scan page in a real browser at phone size (src/test/browser/inspect-page.mjs, Debian's
 * Chromium through playwright-core): an inspector opens the enterprise code's link, signs in,
 * fills the inspection form and submits; the service then holds the registration, scanned, with
 * its rectification deadline. Screenshots in target/inspect-screenshots/.
 */
class InspectPageIT {

    private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/inspect-screenshots").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @TempDir
    Path dataDir;

    @Test
    void anInspectorScansFillsAndSubmitsOnAPhone() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("MOBILE_BROWSER_TESTS")),
                "MOBILE_BROWSER_TESTS=skip: browser tests skipped on purpose");
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(),
                "browser test skipped: Chromium not found at " + CHROMIUM + " (.ci/run installs it)");
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(BROWSER_DIR.toFile())
                    .inheritIO().start();
            assertTrue(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0,
                    "npm ci in " + BROWSER_DIR + " failed (.ci/run runs it too)");
        }
        try (TestApp app = TestApp.start(dataDir)) {
            String liaison = app.loginAs("pukou-liaison-1");
            JsonObject code = new JsonObject(app.get("/api/v1/enterprises/enterprise-demo-1/code", liaison).body());
            JsonObject plan = new JsonObject(app.sendJson("POST", "/api/v1/inspections", liaison, new JsonObject()
                    .put("enterpriseId", "enterprise-demo-1").put("itemId", "rfgc-use").put("kind", "RANDOM").encode()).body());
            assertEquals("PLANNED", plan.getString("state"), plan.encode());
            Map<String, String> passwords = new HashMap<>();
            app.demoAccounts().forEach(a -> passwords.put(((JsonObject) a).getString("username"),
                    ((JsonObject) a).getString("password")));

            ProcessBuilder node = new ProcessBuilder("node", "inspect-page.mjs").directory(BROWSER_DIR.toFile());
            node.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + app.app().port(),
                    "SCAN_URL", code.getString("url"), "INSPECTOR_USER", "pukou-liaison-1",
                    "INSPECTOR_PASSWORD", passwords.get("pukou-liaison-1"), "SHOTS_DIR", SHOTS.toString(), "CHROMIUM", CHROMIUM));
            Files.createDirectories(SHOTS);
            Path log = SHOTS.resolve("inspect-page.log");
            Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertTrue(finished, "the browser run did not finish:\n" + output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("INSPECT OK"), output);

            JsonObject stored = new JsonObject(app.get("/api/v1/inspections/" + plan.getString("id"), liaison).body());
            assertEquals("RECORDED", stored.getString("state"), stored.encode());
            JsonObject record = stored.getJsonObject("record");
            assertTrue(record.getBoolean("scanned"));
            assertEquals("地下一层人防区", record.getString("place"));
            assertEquals(5, record.getJsonObject("rectification").getInteger("workingDays"));
        }
    }
}
