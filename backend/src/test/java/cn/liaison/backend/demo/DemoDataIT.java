package cn.liaison.backend.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo accounts exist with DEMO=on, once; never without it, whatever the stores. */
class DemoDataIT {

    private static final String BANNER = "演示账号";

    @TempDir
    Path dataDir;
    @TempDir
    Path serversDir;

    @Test
    void firstEmbeddedStartCreatesDemoDataOnceAndTokensSurviveARestart() throws Exception {
        String token;
        String fileBefore;
        Capture first = new Capture();
        try (TestApp app = first.during(() -> TestApp.start(dataDir))) {
            JsonArray accounts = app.demoAccounts();
            assertEquals(8, accounts.size());
            for (Object entry : accounts) {
                JsonObject account = (JsonObject) entry;
                assertTrue(account.fieldNames().containsAll(Set.of("username", "password", "role", "unitId")), account.encode());
                assertTrue(account.getString("password").length() >= 12);
                assertTrue(first.text().contains(account.getString("password")), "each password is printed");
            }
            assertEquals(Map.of("UNIT_HEAD", 1L, "LIAISON", 3L, "AGENT", 1L, "CITY_ADMIN", 1L, "ENTERPRISE", 2L),
                    accounts.stream().map(a -> ((JsonObject) a).getString("role"))
                            .collect(Collectors.groupingBy(r -> r, Collectors.counting())));
            Path file = dataDir.resolve("demo-accounts.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(first.text().contains(BANNER));
            assertEquals(8L, count(app, "users"));
            assertEquals(2L, count(app, "enterprises"));
            assertEquals(2L, count(app, "projects"));
            token = app.loginAs("pukou-head");
            fileBefore = Files.readString(file);
        }

        Capture second = new Capture();
        try (TestApp app = second.during(() -> TestApp.start(dataDir))) {
            assertFalse(second.text().contains(BANNER), "nothing printed on the second start");
            assertEquals(fileBefore, Files.readString(dataDir.resolve("demo-accounts.json")));
            assertEquals(8L, count(app, "users"));
            assertEquals(200, app.get("/api/v1/me", token).statusCode(), "the signing key survived the restart");
            assertNotNull(app.loginAs("pukou-head"));
        }
    }

    @Test
    void externalStoresGetReferenceUnitsButNoDemoData() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(serversDir);
             EmbeddedRedis redis = EmbeddedRedis.start(serversDir);
             TestApp app = TestApp.start(dataDir, Map.of("MONGO_URI", mongo.connectionString(), "REDIS_URL", redis.url(),
                     "JWT_SECRET", "external-demo-test-secret-of-32-chars-or-more", "DEMO", "off"), List.of(),
                     UnaryOperator.identity())) {

            assertEquals(0L, count(app, "users"));
            assertEquals(0L, count(app, "enterprises"));
            assertEquals(17L, count(app, "units"), "the unit tree is reference data, seeded in every mode");
            assertFalse(Files.exists(dataDir.resolve("demo-accounts.json")));
            assertFalse(Files.exists(dataDir.resolve("jwt-secret")), "external mode uses JWT_SECRET only");
            assertEquals(401, app.sendJson("POST", "/api/v1/auth/login", null,
                    "{\"username\": \"city-admin\", \"password\": \"anything-at-all\"}").statusCode());
        }
    }

    @Test
    void embeddedStoresWithoutDemoAreARealInstall() throws Exception {
        Capture out = new Capture();
        try (TestApp app = out.during(() -> TestApp.start(dataDir, Map.of("DEMO", "off"), List.of(), UnaryOperator.identity()))) {
            assertEquals(0L, count(app, "users"));
            assertEquals(0L, count(app, "enterprises"));
            assertEquals(0L, count(app, "projects"));
            assertEquals(17L, count(app, "units"));
            assertFalse(Files.exists(dataDir.resolve("demo-accounts.json")));
            assertFalse(out.text().contains(BANNER));
            assertEquals(503, app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\": \"anything\"}").statusCode(),
                    "no pretend WeChat login without DEMO=on");
        }
    }

    private static long count(TestApp app, String collection) throws Exception {
        return app.app().platform().stores().mongo().count(collection, new JsonObject()).await(10, TimeUnit.SECONDS);
    }

    /** Standard output during a start, passed through to the real one as well. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TestApp during(StartAction action) throws Exception {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new Tee(original, bytes), true, StandardCharsets.UTF_8));
            try {
                return action.start();
            } finally {
                System.setOut(original);
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface StartAction {
        TestApp start() throws Exception;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
