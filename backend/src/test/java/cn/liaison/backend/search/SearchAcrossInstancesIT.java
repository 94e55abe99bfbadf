package cn.liaison.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one MongoDB and one Redis: a change made on A is searchable on A at once and on
 * B after B reads the change feed (job {@code search-sync}, run here by hand); a third instance
 * started later finds it through its rebuild from the store.
 */
class SearchAcrossInstancesIT {

    @TempDir
    static Path dir;
    static EmbeddedMongo mongo;
    static EmbeddedRedis redis;
    static Map<String, String> env;
    static TestApp a;
    static TestApp b;

    @BeforeAll
    static void start() throws Exception {
        mongo = EmbeddedMongo.start(dir.resolve("stores"));
        redis = EmbeddedRedis.start(dir.resolve("stores"));
        env = Map.of("MONGO_URI", mongo.connectionString(), "MONGO_DB", "search_test",
                "REDIS_URL", redis.url(), "JWT_SECRET", "search-sync-test-secret-of-32-chars-or-more");
        a = TestApp.start(dir.resolve("a"), env, StartOptions.defaults().withNotifierAndManualJobs(new RecordingNotifier()));
        b = TestApp.start(dir.resolve("b"), env, StartOptions.defaults().withNotifierAndManualJobs(new RecordingNotifier()));
        a.knowledgeBase().await(180, TimeUnit.SECONDS);
        a.port(SearchFeature.class).built().await(60, TimeUnit.SECONDS);
        b.port(SearchFeature.class).built().await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing the others matters more
            }
        }
        if (redis != null) {
            redis.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private static List<String> found(TestApp app, String q) throws Exception {
        String admin = app.tokenFor(new Principal("user-city-admin", "市管理员", Set.of(Role.CITY_ADMIN), "city", null));
        HttpResponse<String> page = app.get("/api/v1/requests?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), admin);
        assertEquals(200, page.statusCode(), page.body());
        return new JsonObject(page.body()).getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
    }

    @Test
    void aChangeOnOneInstanceIsFoundOnTheOtherAfterItReadsTheFeed() throws Exception {
        String enterprise = a.tokenFor(new Principal("user-ent-sync", "企业用户", Set.of(Role.ENTERPRISE), null, null));
        HttpResponse<String> created = a.sendJson("POST", "/api/v1/requests", enterprise,
                new JsonObject().put("type", "CONSULT").put("content", "人防警报器安装在楼顶还是地下室，跨实例检索测试").encode());
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");

        assertEquals(List.of(id), found(a, "人防警报器安装"), "the instance that made the change at once");
        assertEquals(List.of(), found(b, "人防警报器安装"), "the other one has not read the feed yet");
        assertTrue(b.runJob("search-sync").await(30, TimeUnit.SECONDS) >= 1);
        assertEquals(List.of(id), found(b, "人防警报器安装"));

        String admin = a.tokenFor(new Principal("user-city-admin", "市管理员", Set.of(Role.CITY_ADMIN), "city", null));
        assertEquals(200, a.sendJson("POST", "/api/v1/requests/" + id + "/note", admin,
                new JsonObject().put("note", "需会同消防部门现场确认").encode()).statusCode());
        b.runJob("search-sync").await(30, TimeUnit.SECONDS);
        assertEquals(List.of(id), found(b, "会同消防部门"));

        try (TestApp c = TestApp.start(dir.resolve("c"), env, StartOptions.defaults().withNotifierAndManualJobs(new RecordingNotifier()))) {
            assertTrue(c.port(SearchFeature.class).built().await(60, TimeUnit.SECONDS) >= 1);
            assertEquals(List.of(id), found(c, "会同消防部门"), "rebuilt from the store at start");
        }
    }
}
