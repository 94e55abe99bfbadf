package cn.liaison.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.QueryLog;
import cn.liaison.backend.request.RequestReadModel;
import cn.liaison.backend.request.SearchCriteria;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index rebuild reads the requests page by page on the ledger's keyset (newest first,
 * 500 at a time) instead of one cursor over the whole collection. Over several pages, with requests
 * sharing one creation time across a page boundary, every request is indexed exactly once, and every
 * page is read through the {@code createdAt} index, walking from the cursor rather than from the newest.
 */
class RequestSearchRebuildIT {

    @TempDir
    Path dir;

    @Test
    void aRebuildPagesThroughEveryRequestOnce() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir)) {
            MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                    .put("db_name", "liaison"));
            new cn.liaison.backend.request.RequestRepository(client).ensureIndexes().await(60, TimeUnit.SECONDS);
            int total = 1_234;
            Instant start = Instant.parse("2026-11-01T00:00:00Z");
            List<BulkOperation> inserts = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                // groups of seven share a creation time, so page boundaries fall inside ties
                inserts.add(BulkOperation.createInsert(new JsonObject().put("_id", String.format("r-%05d", i))
                        .put("number", String.format("SQ20261101-%04d", i)).put("version", 1L).put("status", "RECEIVED")
                        .put("content", "人防工程竣工验收第" + i + "件").put("createdAt", MongoDocs.date(start.plusSeconds(i / 7)))));
            }
            client.bulkWrite("requests", inserts).await(120, TimeUnit.SECONDS);
            WorkerExecutor worker = vertx.createSharedWorkerExecutor("search-rebuild-test", 1);
            QueryLog log = mongo.queryLog();
            log.clear();

            RequestSearch search = new RequestSearch(new RequestReadModel(client), null, worker);
            int indexed = search.rebuild().await(300, TimeUnit.SECONDS);

            assertEquals(total, indexed, "each request indexed once");
            assertTrue(search.ready());
            List<String> hits = search.ids("第1233件", new SearchCriteria(true, List.of(), null, null, null, Instant.now()), 10)
                    .await(30, TimeUnit.SECONDS);
            assertTrue(hits.contains("r-01233"), hits.toString());
            List<QueryLog.Entry> reads = log.entries().stream().filter(e -> e.collection().equals("requests")).toList();
            assertTrue(reads.stream().noneMatch(QueryLog.Entry::scanned), reads.toString());
            assertTrue(reads.stream().allMatch(e -> e.plan().equals("createdAt_-1")), "every page walks the createdAt index: " + reads);
            search.close();
            worker.close();
            client.close();
        } finally {
            vertx.close();
        }
    }
}
