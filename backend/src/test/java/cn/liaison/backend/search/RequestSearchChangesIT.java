package cn.liaison.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.RequestReadModel;
import cn.liaison.backend.request.SearchCriteria;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes wait for the search worker as the newest version of each request, not as a copy per
 * change: while the worker is busy (a rebuild holds it for minutes at a start), 200 changes of two
 * requests leave two documents waiting, and once it is free a search sees each request's last
 * version, not an earlier one.
 */
class RequestSearchChangesIT {

    @TempDir
    Path dir;

    @Test
    void changesWaitingForTheWorkerKeepOnlyEachRequestsNewestVersion() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir.resolve("mongo"));
             EmbeddedRedis embeddedRedis = EmbeddedRedis.start(dir.resolve("redis"))) {
            MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                    .put("db_name", "liaison"));
            RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, new RedisOptions().setConnectionString(embeddedRedis.url())));
            WorkerExecutor worker = vertx.createSharedWorkerExecutor("search-changes-test", 1);
            RequestSearch search = new RequestSearch(new RequestReadModel(client), new IndexSync(redis), worker);
            assertEquals(0, search.rebuild().await(60, TimeUnit.SECONDS), "an empty store");

            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            worker.executeBlocking(() -> {
                holding.countDown();
                return release.await(60, TimeUnit.SECONDS); // the worker busy, as during a rebuild
            }, false);
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            for (long version = 1; version <= 100; version++) {
                for (String id : List.of("r-1", "r-2")) {
                    search.changed(new JsonObject().put("_id", id).put("number", "SQ20261126-" + id).put("version", version)
                            .put("status", "RECEIVED").put("content", version < 100 ? "地下室防护草案" : "竣工备案结论")
                            .put("createdAt", MongoDocs.date(Instant.parse("2026-11-26T08:00:00Z"))), Action.CREATE);
                }
            }
            assertEquals(2, search.pendingChanges(), "one document waits for each request changed");
            release.countDown();

            SearchCriteria all = new SearchCriteria(true, List.of(), null, null, null, Instant.now());
            List<String> latest = search.ids("竣工备案结论", all, 10).await(30, TimeUnit.SECONDS);
            assertTrue(latest.containsAll(List.of("r-1", "r-2")), latest.toString());
            assertTrue(search.ids("地下室防护草案", all, 10).await(30, TimeUnit.SECONDS).stream().noneMatch(id -> id.startsWith("r-")),
                    "an earlier version is not what the index holds");
            assertEquals(0, search.pendingChanges());
            search.close();
            worker.close();
            client.close();
        } finally {
            vertx.close();
        }
    }
}
