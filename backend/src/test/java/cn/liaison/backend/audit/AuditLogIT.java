package cn.liaison.backend.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log over HTTP: what is recorded, from which address, and how city admins read it. */
class AuditLogIT {

    @TempDir
    Path dataDir;

    @Test
    void signInsAccountsAndExportsAreRecordedAndCityAdminsPageThroughThem() throws Exception {
        try (TestApp app = TestApp.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"),
                StartOptions.defaults().onlyFeatures("calendar", "identity", "org", "staff", "demo", "audit"))) {
            HttpResponse<String> refused = app.send(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.9")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"city-admin\",\"password\":\"wrong-password-1\"}")));
            assertEquals(401, refused.statusCode());
            String admin = app.loginAs("city-admin");
            HttpResponse<String> created = app.sendJson("POST", "/api/v1/staff", admin, new JsonObject().put("username", "liaison-new")
                    .put("name", "林晓").put("roles", new JsonArray().add("LIAISON")).put("unitId", "district-pukou").encode());
            assertEquals(201, created.statusCode(), created.body());
            String liaison = app.loginAs("pukou-liaison-1");
            assertEquals(403, app.get("/api/v1/audit", liaison).statusCode(), "city admins only");

            JsonArray lines = page(app, admin, "").getJsonArray("items");
            List<String> actions = lines.stream().map(JsonObject.class::cast).map(l -> l.getString("action")).toList();
            assertEquals(List.of("LOGIN", "ACCOUNT_CREATED", "LOGIN", "LOGIN_FAILED"), actions, lines.encodePrettily());
            JsonObject failed = lines.getJsonObject(3);
            assertEquals("登录失败", failed.getString("actionLabel"));
            assertEquals("city-admin", failed.getString("actorName"), "the user name that was tried");
            assertEquals("203.0.113.9", failed.getString("address"), "client address behind a trusted proxy");
            assertFalse(lines.encode().contains("wrong-password-1"), "never the password");
            JsonObject account = lines.getJsonObject(1);
            assertEquals("赵敏", account.getString("actorName"));
            assertEquals("市级管理员", account.getString("roleLabel"));
            assertTrue(account.getString("at").endsWith("+08:00"), account.getString("at"));

            JsonArray onlyFailed = page(app, admin, "?action=LOGIN_FAILED").getJsonArray("items");
            assertEquals(1, onlyFailed.size());
            Set<String> seen = new HashSet<>();
            String cursor = null;
            do {
                JsonObject p = page(app, admin, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                p.getJsonArray("items").forEach(l -> seen.add(((JsonObject) l).getString("id")));
                cursor = p.getString("nextCursor");
            } while (cursor != null);
            assertTrue(seen.size() >= 4, seen.toString());
            assertEquals(400, app.get("/api/v1/audit?from=2026-02-31", admin).statusCode());
            assertEquals(400, app.get("/api/v1/audit?limit=5000", admin).statusCode());
        }
    }

    @Test
    void appendOnlyNothingInTheContractChangesOrDeletesLines() throws Exception {
        String contract = java.nio.file.Files.readString(Path.of("src/main/resources/openapi.yaml"));
        Set<String> auditPaths = contract.lines().filter(l -> l.startsWith("  /api/v1/audit")).collect(Collectors.toSet());
        assertEquals(Set.of("  /api/v1/audit:"), auditPaths);
        int at = contract.indexOf("  /api/v1/audit:");
        String block = contract.substring(at, contract.indexOf("\n  /", at + 5));
        assertFalse(block.contains("    post:") || block.contains("    put:") || block.contains("    delete:") || block.contains("    patch:"));
        assertNotNull(block);
    }

    private static JsonObject page(TestApp app, String token, String query) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/audit" + query, token);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }
}
