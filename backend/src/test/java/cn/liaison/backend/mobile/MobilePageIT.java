package cn.liaison.backend.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff phone page in a real browser: Debian's Chromium driven by playwright-core
 * (src/test/browser/mobile-page.mjs) at 375×667 against the running service. Screenshots are saved
 * under target/mobile-screenshots/. .ci/run installs Chromium and Node; without them the browser test
 * is skipped with a message naming what is missing (MOBILE_BROWSER_TESTS=skip skips it on purpose).
 */
class MobilePageIT {

    private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/mobile-screenshots").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @TempDir
    static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("MOBILE_BROWSER_TESTS")),
                "MOBILE_BROWSER_TESTS=skip: browser tests of the mobile page skipped on purpose");
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(), "browser tests skipped: Chromium not found at " + CHROMIUM
                + " (install Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver; .ci/run does)");
        Assumptions.assumeTrue(run(List.of("node", "--version"), BROWSER_DIR, 30) == 0,
                "browser tests skipped: Node.js, which drives Chromium through playwright-core, is not installed");
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), BROWSER_DIR, 300),
                    "npm ci in " + BROWSER_DIR + " failed (installs playwright-core; never a browser)");
        }
        app = TestApp.start(dataDir);
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void servesThePageAndItsModules() throws Exception {
        HttpResponse<String> page = app.get("/m/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> module = app.get("/m/app.js");
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertEquals(302, app.get("/m").statusCode());
        assertEquals(404, app.get("/m/missing.js").statusCode());
    }

    @Test
    void liaisonSignsInSeesANewTaskLiveAcceptsAndResponds() throws Exception {
        Map<String, String> passwords = new java.util.HashMap<>();
        app.demoAccounts().forEach(a -> passwords.put(((JsonObject) a).getString("username"), ((JsonObject) a).getString("password")));
        ProcessBuilder node = new ProcessBuilder("node", "mobile-page.mjs").directory(BROWSER_DIR.toFile());
        node.environment().putAll(Map.of(
                "BASE_URL", "http://127.0.0.1:" + app.app().port(),
                "LIAISON_USER", "pukou-liaison-1", "LIAISON_PASSWORD", passwords.get("pukou-liaison-1"),
                "ENTERPRISE_USER", "enterprise-1", "ENTERPRISE_PASSWORD", passwords.get("enterprise-1"),
                "SHOTS_DIR", SHOTS.toString(), "CHROMIUM", CHROMIUM));
        Path log = SHOTS.resolveSibling("mobile-page.log");
        Files.createDirectories(SHOTS);
        Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(finished, "the browser run did not finish in 240 s:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("MOBILE PAGE OK"), output);
        for (String shot : List.of("01-login.png", "02-inbox.png", "03-detail.png", "05-responded.png", "06-offline.png")) {
            assertTrue(Files.size(SHOTS.resolve(shot)) > 5_000, shot);
        }
    }

    @Test
    void unitHeadApprovesAnExtensionAndAssignsARequestFromThePhone() throws Exception {
        JsonObject passwords = new JsonObject();
        app.demoAccounts().forEach(a -> passwords.put(((JsonObject) a).getString("username"), ((JsonObject) a).getString("password")));
        ProcessBuilder node = new ProcessBuilder("node", "unit-head-page.mjs").directory(BROWSER_DIR.toFile());
        node.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + app.app().port(), "PASSWORDS", passwords.encode(),
                "SHOTS_DIR", SHOTS.toString(), "CHROMIUM", CHROMIUM));
        Path log = SHOTS.resolveSibling("unit-head-page.log");
        Files.createDirectories(SHOTS);
        Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(finished, "the browser run did not finish in 240 s:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("UNIT HEAD PAGE OK"), output);
    }

    /** The command's exit code; -1 when it cannot be started (not installed) or does not finish in time. */
    private static int run(List<String> command, Path dir, int timeoutS) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        } catch (java.io.IOException notInstalled) {
            return -1;
        }
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
