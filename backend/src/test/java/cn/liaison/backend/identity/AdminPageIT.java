package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff page (/admin/) in a real browser (Debian's Chromium through playwright-core,
 * src/test/browser/admin-page.mjs); what it did is then checked over HTTP. Screenshot:
 * target/admin-screenshots/admin.png.
 */
class AdminPageIT {

    private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/admin-screenshots").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @TempDir
    Path dataDir;

    @Test
    void cityAdminCreatesLinksDisablesAndResetsAStaffMember() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("MOBILE_BROWSER_TESTS")),
                "MOBILE_BROWSER_TESTS=skip: browser tests skipped on purpose");
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(),
                "browser test skipped: Chromium not found at " + CHROMIUM + " (.ci/run installs it)");
        assertTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "run npm ci in " + BROWSER_DIR + " (.ci/run does)");
        try (TestApp app = TestApp.start(dataDir)) {
            String password = app.demoAccounts().stream().map(JsonObject.class::cast)
                    .filter(a -> a.getString("username").equals("city-admin")).findFirst().orElseThrow().getString("password");
            ProcessBuilder node = new ProcessBuilder("node", "admin-page.mjs").directory(BROWSER_DIR.toFile());
            node.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + app.app().port(),
                    "ADMIN_USER", "city-admin", "ADMIN_PASSWORD", password, "SHOTS_DIR", SHOTS.toString(), "CHROMIUM", CHROMIUM));
            Files.createDirectories(SHOTS);
            Path log = SHOTS.resolve("admin-page.log");
            Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertTrue(finished, "the browser run did not finish:\n" + output);
            assertEquals(0, process.exitValue(), output);
            Matcher m = Pattern.compile("ADMIN OK password=(\\S+)").matcher(output);
            assertTrue(m.find(), output);

            String admin = app.loginAs("city-admin");
            JsonObject user = new JsonObject(app.get("/api/v1/staff?q=browser-liaison", admin).body())
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("BrowserLi", user.getString("wecomUserId"));
            assertFalse(user.getBoolean("active"));
            assertEquals("district-pukou", user.getString("unitId"));
            HttpResponse<String> patched = app.sendJson("PATCH", "/api/v1/staff/" + user.getString("id"), admin, "{\"active\": true}");
            assertEquals(200, patched.statusCode(), patched.body());
            HttpResponse<String> login = app.sendJson("POST", "/api/v1/auth/login", null, new JsonObject()
                    .put("username", "browser-liaison").put("password", m.group(1)).encode());
            assertEquals(200, login.statusCode(), "the password the page showed signs in: " + login.body());
        }
    }
}
