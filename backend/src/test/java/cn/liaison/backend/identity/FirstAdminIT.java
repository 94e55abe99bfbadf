package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.ChildProcess;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real install from nothing, with the shipped jar: {@code users add} creates the first city admin
 * on an empty embedded DATA_DIR (and refuses while the service holds it) or an empty external
 * MongoDB, the service starts with no demo anything, and that admin creates a liaison who signs in.
 */
class FirstAdminIT {

    private static final Path JAR = Path.of("target", "liaison-backend.jar");
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @TempDir
    Path dataDir;
    @TempDir
    Path serversDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void embeddedInstallFirstAdminCreatesALiaisonWhoSignsIn() throws Exception {
        journey(Map.of(), true);
    }

    @Test
    void externalStoreInstallFirstAdminCreatesALiaisonWhoSignsIn() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(serversDir);
             EmbeddedRedis redis = EmbeddedRedis.start(serversDir)) {
            journey(Map.of("MONGO_URI", mongo.connectionString(), "REDIS_URL", redis.url(),
                    "JWT_SECRET", "first-admin-external-test-secret-of-32-chars"), false);
        }
    }

    /** users add → start → no demo anything → admin signs in, creates a liaison → the liaison signs in. */
    private void journey(Map<String, String> env, boolean embedded) throws Exception {
        String password;
        try (ChildProcess add = ChildProcess.startJar(JAR, dataDir, env,
                "users", "add", "--username", "chief", "--role", "CITY_ADMIN", "--name", "陈主任")) {
            int code = add.waitFor(120);
            String output = add.output();
            assertEquals(0, code, output);
            Matcher m = PASSWORD.matcher(output);
            assertTrue(m.find(), output);
            password = m.group(1);
        }
        assertFalse(Files.exists(dataDir.resolve("demo-accounts.json")));

        try (ChildProcess service = ChildProcess.startJar(JAR, dataDir, env)) {
            int port = Integer.parseInt(service.await("Listening on http://127\\.0\\.0\\.1:(\\d+)", 120));
            assertFalse(service.output().contains(password), "the password is not in the service's log");

            if (embedded) {
                try (ChildProcess again = ChildProcess.startJar(JAR, dataDir, env,
                        "users", "add", "--username", "second", "--role", "CITY_ADMIN")) {
                    assertEquals(3, again.waitFor(120), again.output());
                    assertTrue(again.output().contains("Stop it first"), again.output());
                }
            }

            assertEquals(503, post(port, "/api/v1/auth/wechat", null, "{\"code\": \"anything\"}").statusCode(),
                    "no pretend WeChat login without DEMO=on");
            assertEquals(401, post(port, "/api/v1/auth/login", null, "{\"username\": \"city-admin\", \"password\": \"whatever-1234\"}")
                    .statusCode(), "no demo accounts");

            String admin = token(post(port, "/api/v1/auth/login", null, login("chief", password)));
            HttpResponse<String> created = post(port, "/api/v1/staff", admin, new JsonObject().put("username", "liaison-1")
                    .put("name", "林晓").put("roles", new io.vertx.core.json.JsonArray().add("LIAISON"))
                    .put("unitId", "district-pukou").encode());
            assertEquals(201, created.statusCode(), created.body());
            String liaisonPassword = new JsonObject(created.body()).getString("password");

            String liaison = token(post(port, "/api/v1/auth/login", null, login("liaison-1", liaisonPassword)));
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                    .header("Authorization", "Bearer " + liaison).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertEquals("林晓", new JsonObject(me.body()).getString("name"));
            assertEquals(0, service.terminate(60));
        }
    }

    private HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(String username, String password) {
        return new JsonObject().put("username", username).put("password", password).encode();
    }

    private static String token(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("token");
    }
}
