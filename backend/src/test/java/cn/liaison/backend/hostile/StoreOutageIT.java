package cn.liaison.backend.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import cn.liaison.backend.platform.store.StoreWatch;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Store outages as drills: Redis stopped and started again, the embedded MongoDB's file closed as
 * a full disk closes it, and a second instance on the same data directory. Each prints what the
 * user saw, requests failed, recovery time and writes lost.
 */
class StoreOutageIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDir;

    @Test
    void redisStoppedAndStartedAgain() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
        redis.start();
        try (TestApp app = TestApp.start(dataDir, Map.of("REDIS_URL", "redis://127.0.0.1:" + port, "DEMO", "on"),
                List.of(), c -> c)) {
            app.knowledgeBase().await(120, TimeUnit.SECONDS);
            String enterprise = app.loginAs("enterprise-1");
            String agent = app.loginAs("hotline-agent");
            String liaison = app.loginAs("pukou-liaison-1");
            HttpResponse<String> chatBefore = app.sendJson("POST", "/api/v1/chat/messages", enterprise, "{\"text\":\"人防工程\"}");
            assertEquals(200, chatBefore.statusCode(), chatBefore.body());
            CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(app.uri("/api/v1/events")).header("Authorization", "Bearer " + liaison)
                            .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> open = stream.get(10, TimeUnit.SECONDS);
            assertEquals(200, open.statusCode());
            CountDownLatch ended = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                open.body().forEach(line -> { });
                ended.countDown();
            });
            reader.setDaemon(true);
            reader.start();

            redis.stop();
            long down = System.nanoTime();
            int failed = 0;
            List<String> created = new ArrayList<>();
            List<HttpResponse<String>> during = new ArrayList<>();
            during.add(app.get("/api/v1/kb/answer?q=%E4%BA%BA%E9%98%B2%E5%B7%A5%E7%A8%8B%E6%98%93%E5%9C%B0%E5%BB%BA%E8%AE%BE%E8%B4%B9"));
            during.add(app.sendJson("POST", "/api/v1/hotline/assist", agent, "{\"text\":\"人防工程易地建设费\",\"callId\":\"c-1\"}"));
            during.add(app.sendJson("POST", "/api/v1/chat/messages", enterprise, new JsonObject().put("text", "人防工程")
                    .put("conversationId", new JsonObject(chatBefore.body()).getString("conversationId")).encode()));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = app.sendJson("POST", "/api/v1/requests", enterprise,
                        "{\"type\":\"CONSULT\",\"content\":\"停机期间的人防咨询 " + i + "\"}");
                during.add(response);
                if (response.statusCode() == 201) {
                    created.add(new JsonObject(response.body()).getString("id"));
                }
            }
            for (HttpResponse<String> response : during) {
                assertEquals(200 / 100, response.statusCode() / 100, response.uri() + " " + response.body());
                if (response.statusCode() >= 500) {
                    failed++;
                }
            }
            HttpResponse<String> ticket = app.sendJson("POST", "/api/v1/events/ticket", liaison, "{}");
            assertEquals(503, ticket.statusCode(), ticket.body());
            assertTrue(ticket.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            HttpResponse<String> ready = app.get("/health/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ended.await(15, TimeUnit.SECONDS), "the open event stream did not end when Redis went away");

            redis.start();
            long back = System.nanoTime();
            long recoveredAt = waitUntil(() -> app.get("/health/ready").statusCode() == 200
                    && app.sendJson("POST", "/api/v1/events/ticket", liaison, "{}").statusCode() == 200, Duration.ofSeconds(120));
            int lost = 0;
            for (String id : created) {
                if (app.get("/api/v1/requests/" + id, enterprise).statusCode() != 200) {
                    lost++;
                }
            }
            System.out.printf("OUTAGE redis: user saw answers (KB, hotline, chat restarted), requests accepted, "
                            + "event ticket 503, streams ended; requests failed=%d (+1 ticket refused 503); "
                            + "down for %d ms; recovery after restart %d ms; writes lost=%d of %d%n", failed,
                    (back - down) / 1_000_000, (recoveredAt - back) / 1_000_000, lost, created.size());
            assertEquals(0, lost);
            assertEquals(3, created.size());
        } finally {
            redis.stop();
        }
    }

    @Test
    void mongoUnreachableIs503AndRecoversWithoutRestart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = otherDir.resolve("outage.mv.db");
        de.bwaldvogel.mongo.MongoServer[] mongo = {mongoOn(file, port)};
        try (EmbeddedRedis redis = EmbeddedRedis.start(otherDir)) {
            Map<String, String> env = Map.of("MONGO_URI", "mongodb://127.0.0.1:" + port, "REDIS_URL", redis.url(),
                    "JWT_SECRET", "outage-test-secret-of-at-least-32-chars", "DEMO", "off");
            mongoOutage(env, port, file, mongo);
        } finally {
            mongo[0].shutdown();
        }
    }

    /**
     * As production runs: DEMO off, the first admin from the CLI ({@code users add}), a liaison
     * created by that admin through the API, who files the requests.
     */
    private void mongoOutage(Map<String, String> env, int port, Path file, de.bwaldvogel.mongo.MongoServer[] mongoRef) throws Exception {
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DATA_DIR", dataDir.toString());
        String adminPassword = "outage-admin-password-1";
        assertEquals(0, cn.liaison.backend.identity.UsersCommand.run(cn.liaison.backend.config.ConfigLoader.load(all).stores(),
                new String[] {"users", "add", "--username", "chief", "--role", "CITY_ADMIN", "--name", "陈主任", "--password-stdin"},
                new java.io.BufferedReader(new java.io.StringReader(adminPassword + "\n")), System.out, System.err));
        try (TestApp app = TestApp.start(dataDir, env, List.of(), c -> c)) {
            String admin = signIn(app, "chief", adminPassword);
            HttpResponse<String> staff = app.sendJson("POST", "/api/v1/staff", admin, new JsonObject().put("username", "outage-liaison")
                    .put("name", "停机联络员").put("roles", new io.vertx.core.json.JsonArray().add("LIAISON")).put("unitId", "district-pukou").encode());
            assertEquals(201, staff.statusCode(), staff.body());
            String liaison = signIn(app, "outage-liaison", new JsonObject(staff.body()).getString("password"));
            assertEquals(404, app.get("/api/v1/projects/project-demo-1", admin).statusCode(), "no demo data");
            HttpResponse<String> before = app.sendJson("POST", "/api/v1/requests", liaison,
                    "{\"type\":\"CONSULT\",\"content\":\"数据库停机前的人防咨询\"}");
            assertEquals(201, before.statusCode(), before.body());

            mongoRef[0].shutdown();
            long down = System.nanoTime();
            HttpResponse<String> write = app.sendJson("POST", "/api/v1/requests", liaison,
                    "{\"type\":\"CONSULT\",\"content\":\"数据库停机时的人防咨询\"}");
            assertEquals(503, write.statusCode(), write.body());
            assertTrue(write.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            HttpResponse<String> read = app.get("/api/v1/requests", admin);
            assertEquals(503, read.statusCode(), read.body());
            assertEquals(503, app.get("/health/ready").statusCode());

            mongoRef[0] = mongoOn(file, port);
            long back = System.nanoTime();
            long recovered = waitUntil(() -> app.get("/health/ready").statusCode() == 200
                    && app.get("/api/v1/requests", admin).statusCode() == 200, Duration.ofSeconds(120));
            String list = app.get("/api/v1/requests", admin).body();
            assertTrue(list.contains("数据库停机前的人防咨询"), list);
            System.out.printf("OUTAGE mongo unreachable: calls needing it 503 problem (2 of 2 during the drill), "
                    + "readiness 503; down %d ms; recovered %d ms after it answered again, without restart; "
                    + "acknowledged writes lost=0; the refused write was not stored=%s%n", (back - down) / 1_000_000,
                    (recovered - back) / 1_000_000, !list.contains("数据库停机时的人防咨询"));
        }
    }

    static String signIn(TestApp app, String username, String password) throws Exception {
        HttpResponse<String> login = app.sendJson("POST", "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password).encode());
        assertEquals(200, login.statusCode(), login.body());
        return new JsonObject(login.body()).getString("token");
    }

    private static de.bwaldvogel.mongo.MongoServer mongoOn(Path file, int port) {
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open();
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(
                new de.bwaldvogel.mongo.backend.h2.H2Backend(store));
        server.bind("127.0.0.1", port);
        return server;
    }

    @Test
    void embeddedRedisKilledIsStartedAgainByTheService() throws Exception {
        try (TestApp app = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            long pid = Long.parseLong(java.nio.file.Files.readString(dataDir.resolve("redis/redis.pid")).trim());
            ProcessHandle redis = ProcessHandle.of(pid).orElseThrow();
            redis.destroyForcibly();
            redis.onExit().get(10, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            long up = waitUntil(() -> app.get("/health/ready").statusCode() == 200
                    && java.nio.file.Files.exists(dataDir.resolve("redis/redis.pid"))
                    && Long.parseLong(java.nio.file.Files.readString(dataDir.resolve("redis/redis.pid")).trim()) != pid,
                    Duration.ofSeconds(120));
            System.out.printf("OUTAGE embedded redis kill -9: restarted by the service, ready again after %d ms%n",
                    (up - killed) / 1_000_000);
        }
    }

    private long exitAfterMs;

    @Test
    void aFullDiskClosesTheStoreAndReadinessFailsAndTheProcessIsToldToExit() throws Exception {
        try (TestApp app = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            // A new request is classified with the index: on a loaded machine its build outlasts the client's time-out.
            app.knowledgeBase().await(300, TimeUnit.SECONDS);
            String enterprise = app.loginAs("enterprise-1");
            HttpResponse<String> before = app.sendJson("POST", "/api/v1/requests", enterprise,
                    "{\"type\":\"CONSULT\",\"content\":\"磁盘满之前的人防咨询\"}");
            assertEquals(201, before.statusCode(), before.body());
            CountDownLatch exited = new CountDownLatch(1);
            java.util.Timer watch = StoreWatch.start(app.port(cn.liaison.backend.platform.store.StoreBoot.class)::embeddedStoreFailed, 50, exited::countDown);
            try {
                app.port(cn.liaison.backend.platform.store.StoreBoot.class).embeddedMongo().orElseThrow().failLikeAFullDisk();
                long full = System.nanoTime();
                HttpResponse<String> ready = app.get("/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("mongo"), ready.body());
                HttpResponse<String> write = app.sendJson("POST", "/api/v1/requests", enterprise,
                        "{\"type\":\"CONSULT\",\"content\":\"磁盘满时的人防咨询\"}");
                assertEquals(503, write.statusCode(), write.body());
                assertTrue(write.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(exited.await(10, TimeUnit.SECONDS), "the store watch did not ask the process to exit");
                exitAfterMs = (System.nanoTime() - full) / 1_000_000;
            } finally {
                watch.cancel();
            }
        }
        // The supervisor's restart: the same data directory opens, and the acknowledged write is there.
        long restart = System.nanoTime();
        try (TestApp again = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            // Readiness also waits for the knowledge-base index after a start.
            long ready = waitUntil(() -> again.get("/health/ready").statusCode() == 200, Duration.ofSeconds(180));
            HttpResponse<String> list = again.get("/api/v1/requests", again.loginAs("enterprise-1"));
            assertTrue(list.body().contains("磁盘满之前的人防咨询"), list.body());
            System.out.printf("OUTAGE disk full (injected): user saw readiness 503 and a 503 problem for the write "
                    + "(requests failed=1 of 1 during it); exit asked %d ms after the failure (status 74); restart on the "
                    + "same DATA_DIR ready after %d ms (store, then the knowledge-base index); writes lost=0%n",
                    exitAfterMs, (ready - restart) / 1_000_000);
        }
    }

    /**
     * The finding as it happened: a second instance on the same DATA_DIR with MONGO_URI set (here:
     * the first instance's own MongoDB) but embedded Redis. It refuses to start; the first keeps
     * its redis-server and stays ready, and takes writes meanwhile.
     */
    @Test
    void aSecondInstanceOnTheSameDataDirWithMongoUriRefusesToStartAndTheFirstKeepsServing() throws Exception {
        try (TestApp first = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            waitUntil(() -> first.get("/health/ready").statusCode() == 200, Duration.ofSeconds(180));
            long pid = Long.parseLong(java.nio.file.Files.readString(dataDir.resolve("redis/redis.pid")).trim());
            String mongoUri = first.port(cn.liaison.backend.platform.store.StoreBoot.class).mongoUri();
            long begin = System.nanoTime();
            Exception refused = assertThrows(Exception.class, () -> TestApp.start(dataDir, Map.of("DEMO", "on", "MONGO_URI", mongoUri,
                    "JWT_SECRET", "second-instance-secret-of-32-characters-or-more"), List.of(), c -> c).close());
            long refusedMs = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(String.valueOf(refused.getMessage()).contains("another running instance"), String.valueOf(refused));
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the first instance's redis-server was killed");
            assertEquals(200, first.get("/health/ready").statusCode(), "the first instance stays ready");
            HttpResponse<String> write = first.sendJson("POST", "/api/v1/requests", first.loginAs("enterprise-1"),
                    "{\"type\":\"CONSULT\",\"content\":\"第二个实例启动时的人防咨询\"}");
            assertEquals(201, write.statusCode(), write.body());
            System.out.printf("OUTAGE second instance on the same DATA_DIR (MONGO_URI set, embedded Redis): refused to start "
                    + "after %d ms (%s); the first instance's users saw nothing: requests failed=0, still ready, its "
                    + "redis-server untouched, recovery not needed, writes lost=0%n", refusedMs, refused.getMessage());
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirLeavesTheFirstOnesRedisAlone() throws Exception {
        try (EmbeddedRedis first = EmbeddedRedis.start(otherDir)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedRedis.start(otherDir));
            assertTrue(refused.getMessage().contains("another running instance"), refused.getMessage());
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(first.url().replaceAll(".*:", "")))) {
                socket.getOutputStream().write("PING\r\n".getBytes());
                byte[] reply = new byte[7];
                int n = socket.getInputStream().read(reply);
                assertEquals("+PONG", new String(reply, 0, n).trim());
            }
        }
        // Once the first has stopped, the directory is free again.
        EmbeddedRedis.start(otherDir).close();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls (at most every 100 ms) until the check holds; the moment it did, or a failure after the limit. */
    static long waitUntil(Check check, Duration limit) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (check.ok()) {
                    return System.nanoTime();
                }
            } catch (java.io.IOException e) {
                // not answering yet
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("not recovered within " + limit);
    }
}
