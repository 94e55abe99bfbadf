package cn.liaison.backend.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.BrowserScript;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan page in a real browser at phone size (src/test/browser/inspect-page.mjs, Debian's
 * Chromium through playwright-core): an inspector opens the enterprise code's link, signs in,
 * fills the inspection form and submits; the service then holds the registration, scanned, with
 * its rectification deadline. Screenshots in target/inspect-screenshots/.
 */
class InspectPageIT {

    private static final Path SHOTS = Path.of("target/inspect-screenshots").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void anInspectorScansFillsAndSubmitsOnAPhone() throws Exception {
        BrowserScript.assumeAvailable();
        try (TestApp app = TestApp.start(dataDir)) {
            String liaison = app.loginAs("pukou-liaison-1");
            JsonObject code = new JsonObject(app.get("/api/v1/enterprises/enterprise-demo-1/code", liaison).body());
            JsonObject plan = new JsonObject(app.sendJson("POST", "/api/v1/inspections", liaison, new JsonObject()
                    .put("enterpriseId", "enterprise-demo-1").put("itemId", "rfgc-use").put("kind", "RANDOM").encode()).body());
            assertEquals("PLANNED", plan.getString("state"), plan.encode());
            BrowserScript.run("inspect-page.mjs", Map.of("BASE_URL", BrowserScript.baseUrl(app),
                    "SCAN_URL", code.getString("url"), "INSPECTOR_USER", "pukou-liaison-1",
                    "INSPECTOR_PASSWORD", BrowserScript.passwords(app).get("pukou-liaison-1")), SHOTS, "INSPECT OK", 180);

            JsonObject stored = new JsonObject(app.get("/api/v1/inspections/" + plan.getString("id"), liaison).body());
            assertEquals("RECORDED", stored.getString("state"), stored.encode());
            JsonObject record = stored.getJsonObject("record");
            assertTrue(record.getBoolean("scanned"));
            assertEquals("地下一层人防区", record.getString("place"));
            assertEquals(5, record.getJsonObject("rectification").getInteger("workingDays"));
        }
    }
}
