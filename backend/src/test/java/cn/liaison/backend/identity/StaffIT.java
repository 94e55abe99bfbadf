package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff lifecycle over HTTP: create, roles and units, disable, reset, WeCom link, sign-out. */
class StaffIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir);
        admin = app.loginAs("city-admin");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void cityAdminCreatesALiaisonWhoSignsInAndCannotManageStaff() throws Exception {
        JsonObject created = create(admin, "li-ming", "李明", List.of("LIAISON"), "district-gulou", 201);
        String password = created.getString("password");
        assertTrue(password.length() >= 12);
        JsonObject user = created.getJsonObject("user");
        assertEquals(new JsonArray().add("联络员"), user.getJsonArray("roleLabels"));
        assertFalse(created.encode().contains("passwordHash"));

        String token = login("li-ming", password);
        assertEquals(200, app.get("/api/v1/me", token).statusCode());
        assertEquals(403, app.get("/api/v1/staff", token).statusCode());
        assertEquals(409, app.sendJson("POST", "/api/v1/staff", admin, body("li-ming", "重名", List.of("LIAISON"), "city").encode())
                .statusCode(), "usernames are unique");
    }

    @Test
    void disablingEndsTheSessionsAtOnceAndEnablingLetsTheUserSignInAgain() throws Exception {
        JsonObject created = create(admin, "zhou-bo", "周博", List.of("AGENT"), "city", 201);
        String id = created.getJsonObject("user").getString("id");
        String token = login("zhou-bo", created.getString("password"));

        JsonObject off = ok(app.sendJson("PATCH", "/api/v1/staff/" + id, admin, "{\"active\": false}"));
        assertFalse(off.getBoolean("active"));
        assertEquals(401, app.get("/api/v1/me", token).statusCode(), "the token stops working at once");
        assertEquals(401, loginResponse("zhou-bo", created.getString("password")).statusCode());

        ok(app.sendJson("PATCH", "/api/v1/staff/" + id, admin, "{\"active\": true}"));
        assertEquals(401, app.get("/api/v1/me", token).statusCode(), "the old token stays dead");
        assertNotNull(login("zhou-bo", created.getString("password")));
    }

    @Test
    void resetPasswordAndNewRolesEndTheOldSessions() throws Exception {
        JsonObject created = create(admin, "wu-lan", "吴兰", List.of("LIAISON"), "district-pukou", 201);
        String id = created.getJsonObject("user").getString("id");
        String token = login("wu-lan", created.getString("password"));

        String fresh = ok(app.sendJson("POST", "/api/v1/staff/" + id + "/password", admin, "")).getString("password");
        assertEquals(401, app.get("/api/v1/me", token).statusCode());
        assertEquals(401, loginResponse("wu-lan", created.getString("password")).statusCode());
        String second = login("wu-lan", fresh);

        JsonObject head = ok(app.sendJson("PATCH", "/api/v1/staff/" + id, admin,
                "{\"roles\": [\"UNIT_HEAD\"], \"name\": \"吴兰（负责人）\"}"));
        assertEquals(new JsonArray().add("UNIT_HEAD"), head.getJsonArray("roles"));
        assertEquals(401, app.get("/api/v1/me", second).statusCode(), "new roles: sign in again");
        JsonObject me = new JsonObject(app.get("/api/v1/me", login("wu-lan", fresh)).body());
        assertEquals(new JsonArray().add("UNIT_HEAD"), me.getJsonArray("roles"));
    }

    @Test
    void logoutRevokesTheTokenInUse() throws Exception {
        String token = app.loginAs("hotline-agent");
        String other = app.loginAs("hotline-agent");
        HttpResponse<String> out = app.sendJson("POST", "/api/v1/auth/logout", token, "");
        assertEquals(204, out.statusCode(), out.body());
        assertEquals(401, app.get("/api/v1/me", token).statusCode());
        assertEquals(401, app.get("/api/v1/me", other).statusCode(), "every session of the account ends");
        assertEquals(200, app.get("/api/v1/me", app.loginAs("hotline-agent")).statusCode());
        assertEquals(401, app.sendJson("POST", "/api/v1/auth/logout", null, "").statusCode());
    }

    @Test
    void weComLinkIsSetClearedAndUnique() throws Exception {
        String a = create(admin, "qian-yi", "钱一", List.of("LIAISON"), "district-pukou", 201).getJsonObject("user").getString("id");
        String b = create(admin, "sun-er", "孙二", List.of("LIAISON"), "district-pukou", 201).getJsonObject("user").getString("id");
        assertEquals("QianYi", ok(app.sendJson("PATCH", "/api/v1/staff/" + a, admin, "{\"wecomUserId\": \"QianYi\"}"))
                .getString("wecomUserId"));
        assertEquals(409, app.sendJson("PATCH", "/api/v1/staff/" + b, admin, "{\"wecomUserId\": \"QianYi\"}").statusCode());
        assertNull(ok(app.sendJson("PATCH", "/api/v1/staff/" + a, admin, "{\"wecomUserId\": null}")).getString("wecomUserId"));
        assertEquals("QianYi", ok(app.sendJson("PATCH", "/api/v1/staff/" + b, admin, "{\"wecomUserId\": \"QianYi\"}"))
                .getString("wecomUserId"));
    }

    @Test
    void unitHeadsManageTheirOwnTreeOnly() throws Exception {
        String head = app.loginAs("pukou-head");
        create(head, "park-liaison", "园区联络员", List.of("LIAISON"), "park-pukou-edz", 201);
        assertEquals(403, app.sendJson("POST", "/api/v1/staff", head,
                body("gulou-x", "鼓楼", List.of("LIAISON"), "district-gulou").encode()).statusCode());
        assertEquals(403, app.sendJson("POST", "/api/v1/staff", head,
                body("boss-x", "越权", List.of("CITY_ADMIN"), "district-pukou").encode()).statusCode());
        assertEquals(404, app.get("/api/v1/staff/user-city-admin", head).statusCode(), "city admins are out of reach");
        assertEquals(404, app.sendJson("PATCH", "/api/v1/staff/user-hotline-agent", head, "{\"active\": false}").statusCode());

        JsonArray seen = ok(app.get("/api/v1/staff?limit=100", head)).getJsonArray("items");
        assertTrue(seen.stream().map(JsonObject.class::cast)
                .allMatch(u -> List.of("district-pukou", "park-pukou-edz").contains(u.getString("unitId"))), seen.encode());
        assertEquals(409, app.sendJson("PATCH", "/api/v1/staff/user-pukou-head", head, "{\"active\": false}").statusCode(),
                "nobody disables themselves");
    }

    @Test
    void listIsPagedAndSearchable() throws Exception {
        JsonObject first = ok(app.get("/api/v1/staff?limit=2", admin));
        assertEquals(2, first.getJsonArray("items").size());
        String cursor = first.getString("nextCursor");
        JsonObject next = ok(app.get("/api/v1/staff?limit=2&cursor=" + cursor, admin));
        assertTrue(next.getJsonArray("items").getJsonObject(0).getString("id").compareTo(cursor) > 0);

        JsonArray found = ok(app.get("/api/v1/staff?q=" + java.net.URLEncoder.encode("赵敏", "UTF-8"), admin)).getJsonArray("items");
        assertEquals(1, found.size());
        assertEquals("city-admin", found.getJsonObject(0).getString("username"));
        assertEquals(0, ok(app.get("/api/v1/staff?q=.*", admin)).getJsonArray("items").size(), "no regular expressions");
        assertTrue(ok(app.get("/api/v1/staff?role=UNIT_HEAD", admin)).getJsonArray("items").stream()
                .map(JsonObject.class::cast).allMatch(u -> u.getJsonArray("roles").contains("UNIT_HEAD")));
        assertFalse(ok(app.get("/api/v1/staff?limit=100", admin)).encode().contains("enterprise-1"), "staff only");
    }

    @Test
    void badInputIsA400AndChangesNothing() throws Exception {
        assertEquals(400, app.sendJson("POST", "/api/v1/staff", admin, body("Bad Name!", "x", List.of("LIAISON"), "city")
                .encode()).statusCode());
        assertEquals(400, app.sendJson("POST", "/api/v1/staff", admin, body("fine-name", "x", List.of("ENTERPRISE"), "city")
                .encode()).statusCode());
        assertEquals(400, app.sendJson("POST", "/api/v1/staff", admin, body("fine-name", "x", List.of("LIAISON"), "nowhere")
                .encode()).statusCode());
        assertEquals(400, app.sendJson("POST", "/api/v1/staff", admin, body("fine-name", "x".repeat(41), List.of("LIAISON"), "city")
                .encode()).statusCode());
        assertEquals(400, app.get("/api/v1/staff?limit=1000", admin).statusCode());
        assertEquals(400, app.sendJson("PATCH", "/api/v1/staff/user-pukou-liaison-1", admin, "{}").statusCode());
        assertEquals(404, app.sendJson("PATCH", "/api/v1/staff/user-enterprise-1", admin, "{\"active\": false}").statusCode(),
                "enterprise users are not staff");
        assertEquals(404, app.get("/api/v1/staff/nobody", admin).statusCode());
        assertEquals(0, ok(app.get("/api/v1/staff?q=fine-name", admin)).getJsonArray("items").size());
    }

    private static JsonObject create(String token, String username, String name, List<String> roles, String unit, int status)
            throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/staff", token, body(username, name, roles, unit).encode());
        assertEquals(status, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static JsonObject body(String username, String name, List<String> roles, String unit) {
        return new JsonObject().put("username", username).put("name", name).put("roles", new JsonArray(roles)).put("unitId", unit);
    }

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static HttpResponse<String> loginResponse(String username, String password) throws Exception {
        return app.sendJson("POST", "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password).encode());
    }

    private static String login(String username, String password) throws Exception {
        HttpResponse<String> r = loginResponse(username, password);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("token");
    }
}
