package cn.liaison.backend.identity;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, lockout, tokens and the bearer requirement against the real application (demo accounts). */
class AuthIT {

    @TempDir
    static Path dataDir;
    static final MutableClock CLOCK = MutableClock.at("2026-03-09T10:00:00+08:00");
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(), StartOptions.defaults().withClock(CLOCK).peopleOnly());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void loginReturnsATokenAndTheUserWhichMeRepeats() throws Exception {
        HttpResponse<String> response = login("pukou-liaison-1", password("pukou-liaison-1"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        JsonObject user = body.getJsonObject("user");
        assertEquals("user-pukou-liaison-1", user.getString("id"));
        assertEquals(new JsonArray().add("LIAISON"), user.getJsonArray("roles"));
        assertEquals("district-pukou", user.getString("unitId"));
        assertTrue(user.containsKey("enterpriseId") && user.getValue("enterpriseId") == null);
        assertEquals(43200, body.getInteger("expiresIn"));

        HttpResponse<String> me = app.get("/api/v1/me", body.getString("token"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("user-pukou-liaison-1", new JsonObject(me.body()).getString("id"));
    }

    @Test
    void enterpriseUserCarriesItsEnterprise() throws Exception {
        HttpResponse<String> response = login(" Enterprise-1 ", password("enterprise-1"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject user = new JsonObject(response.body()).getJsonObject("user");
        assertEquals("enterprise-demo-1", user.getString("enterpriseId"));
        assertEquals(new JsonArray().add("ENTERPRISE"), user.getJsonArray("roles"));
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() throws Exception {
        HttpResponse<String> wrongPassword = login("hotline-agent", "not-the-password");
        HttpResponse<String> unknownUser = login("nobody-here", "not-the-password");

        JsonObject a = problem(wrongPassword, 401);
        JsonObject b = problem(unknownUser, 401);
        assertEquals(a.getString("type"), b.getString("type"));
        assertEquals(a.getString("title"), b.getString("title"));
        assertEquals(a.getString("detail"), b.getString("detail"));
        assertTrue(a.getString("detail").startsWith("用户名或密码错误"), a.getString("detail"));
    }

    @Test
    void apiRoutesNeedABearerToken() throws Exception {
        HttpResponse<String> none = app.get("/api/v1/me");
        problem(none, 401);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        problem(app.get("/api/v1/units"), 401);
        problem(app.get("/api/v1/me", "not.a.token"), 401);
        problem(app.send(HttpRequest.newBuilder(app.uri("/api/v1/me")).header("Authorization", "Basic dXNlcjpwYXNz")), 401);
        // the body is not even validated before authentication
        problem(app.sendJson("POST", "/api/v1/units", null, "{\"unexpected\": true}"), 401);
    }

    @Test
    void tokenStopsWorkingWhenItExpires() throws Exception {
        String token = app.loginAs("city-admin");
        assertEquals(200, app.get("/api/v1/me", token).statusCode());

        CLOCK.advance(Duration.ofHours(12));

        JsonObject expired = problem(app.get("/api/v1/me", token), 401);
        assertTrue(expired.getString("detail").contains("过期"), expired.getString("detail"));
    }

    @Test
    void tokenForIssuesATokenWithoutAPassword() throws Exception {
        String token = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-hotline-agent").await(10, TimeUnit.SECONDS);

        HttpResponse<String> me = app.get("/api/v1/me", token);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(new JsonArray().add("AGENT"), new JsonObject(me.body()).getJsonArray("roles"));
    }

    @Test
    void loginBodyIsValidatedByTheContract() throws Exception {
        JsonObject problem = problem(app.sendJson("POST", "/api/v1/auth/login", null, "{\"username\": \"x\"}"), 400);

        assertEquals("password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static HttpResponse<String> login(String username, String password) throws Exception {
        return app.sendJson("POST", "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password).encode());
    }

    private static String password(String username) throws Exception {
        return app.demoAccounts().stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("username").equals(username))
                .findFirst().orElseThrow().getString("password");
    }

    static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(response.body());
        assertEquals(status, problem.getInteger("status"));
        assertFalse(problem.getString("detail", "").isBlank());
        return problem;
    }
}
