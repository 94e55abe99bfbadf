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
                    && app.sendJson("POST", "/api/v1/events/ticket", liaison, "{}").statusCode() == 200, Duration.ofSeconds(60));
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
        de.bwaldvogel.mongo.MongoServer mongo = mongoOn(file, port);
        try (EmbeddedRedis redis = EmbeddedRedis.start(otherDir);
             TestApp app = TestApp.start(dataDir, Map.of("MONGO_URI", "mongodb://127.0.0.1:" + port, "REDIS_URL", redis.url(),
                     "JWT_SECRET", "outage-test-secret-of-at-least-32-chars", "DEMO", "on"), List.of(), c -> c)) {
            String enterprise = app.loginAs("enterprise-1");
            HttpResponse<String> before = app.sendJson("POST", "/api/v1/requests", enterprise,
                    "{\"type\":\"CONSULT\",\"content\":\"数据库停机前的人防咨询\"}");
            assertEquals(201, before.statusCode(), before.body());

            mongo.shutdown();
            long down = System.nanoTime();
            HttpResponse<String> write = app.sendJson("POST", "/api/v1/requests", enterprise,
                    "{\"type\":\"CONSULT\",\"content\":\"数据库停机时的人防咨询\"}");
            assertEquals(503, write.statusCode(), write.body());
            assertTrue(write.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            HttpResponse<String> read = app.get("/api/v1/requests", enterprise);
            assertEquals(503, read.statusCode(), read.body());
            assertEquals(503, app.get("/health/ready").statusCode());

            mongo = mongoOn(file, port);
            long back = System.nanoTime();
            long recovered = waitUntil(() -> app.get("/health/ready").statusCode() == 200
                    && app.get("/api/v1/requests", enterprise).statusCode() == 200, Duration.ofSeconds(60));
            String list = app.get("/api/v1/requests", enterprise).body();
            assertTrue(list.contains("数据库停机前的人防咨询"), list);
            System.out.printf("OUTAGE mongo unreachable: calls needing it 503 problem (2 of 2 during the drill), "
                    + "readiness 503; down %d ms; recovered %d ms after it answered again, without restart; "
                    + "acknowledged writes lost=0; the refused write was not stored=%s%n", (back - down) / 1_000_000,
                    (recovered - back) / 1_000_000, !list.contains("数据库停机时的人防咨询"));
        } finally {
            mongo.shutdown();
        }
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
                    Duration.ofSeconds(60));
            System.out.printf("OUTAGE embedded redis kill -9: restarted by the service, ready again after %d ms%n",
                    (up - killed) / 1_000_000);
        }
    }

    @Test
    void aFullDiskClosesTheStoreAndReadinessFailsAndTheProcessIsToldToExit() throws Exception {
        try (TestApp app = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            String enterprise = app.loginAs("enterprise-1");
            HttpResponse<String> before = app.sendJson("POST", "/api/v1/requests", enterprise,
                    "{\"type\":\"CONSULT\",\"content\":\"磁盘满之前的人防咨询\"}");
            assertEquals(201, before.statusCode(), before.body());
            CountDownLatch exited = new CountDownLatch(1);
            java.util.Timer watch = StoreWatch.start(app.port(cn.liaison.backend.platform.store.StoreBoot.class)::embeddedStoreFailed, 50, exited::countDown);
            try {
                app.port(cn.liaison.backend.platform.store.StoreBoot.class).embeddedMongo().orElseThrow().failLikeAFullDisk();
                HttpResponse<String> ready = app.get("/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("mongo"), ready.body());
                HttpResponse<String> write = app.sendJson("POST", "/api/v1/requests", enterprise,
                        "{\"type\":\"CONSULT\",\"content\":\"磁盘满时的人防咨询\"}");
                assertEquals(503, write.statusCode(), write.body());
                assertTrue(write.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(exited.await(10, TimeUnit.SECONDS), "the store watch did not ask the process to exit");
            } finally {
                watch.cancel();
            }
        }
        // The supervisor's restart: the same data directory opens, and the acknowledged write is there.
        try (TestApp again = TestApp.start(dataDir, Map.of("DEMO", "on"), List.of(), c -> c)) {
            // Readiness also waits for the knowledge-base index after a start.
            waitUntil(() -> again.get("/health/ready").statusCode() == 200, Duration.ofSeconds(180));
            HttpResponse<String> list = again.get("/api/v1/requests", again.loginAs("enterprise-1"));
            assertTrue(list.body().contains("磁盘满之前的人防咨询"), list.body());
            System.out.println("OUTAGE disk full (injected): readiness 503, writes 503 problem, process exits 74; "
                    + "after restart the acknowledged write is there: writes lost=0");
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
