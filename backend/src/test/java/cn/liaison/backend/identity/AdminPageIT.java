package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.BrowserScript;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff page (/admin/) in a real browser (Debian's Chromium through playwright-core,
 * src/test/browser/admin-page.mjs); what it did is then checked over HTTP. Screenshot:
 * target/admin-screenshots/admin.png.
 */
class AdminPageIT {

    private static final Path SHOTS = Path.of("target/admin-screenshots").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void cityAdminCreatesLinksDisablesAndResetsAStaffMember() throws Exception {
        BrowserScript.assumeAvailable();
        try (TestApp app = TestApp.start(dataDir)) {
            String output = BrowserScript.run("admin-page.mjs", Map.of("BASE_URL", BrowserScript.baseUrl(app),
                    "ADMIN_USER", "city-admin", "ADMIN_PASSWORD", BrowserScript.passwords(app).get("city-admin")),
                    SHOTS, "ADMIN OK", 180);
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
