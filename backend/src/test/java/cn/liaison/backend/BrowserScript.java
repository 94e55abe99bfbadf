package cn.liaison.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser tests' scaffolding: a node script in src/test/browser drives Debian's headless Chromium
 * through playwright-core against the running service. .ci/run installs Chromium and Node; without
 * them a browser test is skipped with a message naming what is missing (MOBILE_BROWSER_TESTS=skip
 * skips them on purpose).
 */
public final class BrowserScript {

    public static final Path DIR = Path.of("src/test/browser").toAbsolutePath();
    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    private BrowserScript() {
    }

    /** Skips the calling test when no browser can run here; installs playwright-core (never a browser) once. */
    public static void assumeAvailable() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("MOBILE_BROWSER_TESTS")),
                "MOBILE_BROWSER_TESTS=skip: browser tests skipped on purpose");
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(), "browser tests skipped: Chromium not found at " + CHROMIUM
                + " (install Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver; .ci/run does)");
        Assumptions.assumeTrue(exec(List.of("node", "--version"), 30) == 0,
                "browser tests skipped: Node.js, which drives Chromium through playwright-core, is not installed");
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            assertEquals(0, exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 300),
                    "npm ci in " + DIR + " failed (installs playwright-core; never a browser)");
        }
    }

    /**
     * Runs {@code node script} with {@code env} (plus SHOTS_DIR and CHROMIUM), its output kept beside the
     * screenshots; fails unless it finishes in time, exits 0 and prints {@code marker}. Returns the output.
     */
    public static String run(String script, Map<String, String> env, Path shots, String marker, int timeoutS) throws Exception {
        Files.createDirectories(shots);
        Map<String, String> all = new HashMap<>(env);
        all.put("SHOTS_DIR", shots.toString());
        all.put("CHROMIUM", CHROMIUM);
        ProcessBuilder node = new ProcessBuilder("node", script).directory(DIR.toFile());
        node.environment().putAll(all);
        Path log = shots.resolveSibling(script.replace(".mjs", ".log"));
        Process process = node.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(timeoutS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(finished, "the browser run did not finish in " + timeoutS + " s:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(marker), output);
        return output;
    }

    /** Each demo account's user name and password, for a script to sign in with. */
    public static Map<String, String> passwords(TestApp app) throws IOException {
        Map<String, String> passwords = new HashMap<>();
        app.demoAccounts().forEach(a -> passwords.put(((io.vertx.core.json.JsonObject) a).getString("username"),
                ((io.vertx.core.json.JsonObject) a).getString("password")));
        return passwords;
    }

    /** The running service's address as a script reaches it. */
    public static String baseUrl(TestApp app) {
        return "http://127.0.0.1:" + app.app().port();
    }

    /** The command's exit code; -1 when it cannot be started (not installed) or does not finish in time. */
    private static int exec(List<String> command, int timeoutS) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(DIR.toFile()).inheritIO().start();
        } catch (IOException notInstalled) {
            return -1;
        }
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
