package cn.liaison.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.QueryLog;
import cn.liaison.backend.request.RequestReadModel;
import cn.liaison.backend.request.SearchCriteria;
import io.vertx.core.Future;
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
 * page is read through the {@code createdAt} index, walking from the cursor rather than from the newest;
 * a page read is garbage once the next is asked for (a rebuild of 1,000,000 requests once held them all).
 */
class RequestSearchRebuildIT {

    /** Whether any of {@code refs} still reaches its object after a few full collections. */
    private static boolean heldAfterCollections(List<java.lang.ref.WeakReference<JsonObject>> refs) {
        for (int i = 0; i < 5; i++) {
            System.gc();
            if (refs.stream().allMatch(r -> r.get() == null)) {
                return false;
            }
        }
        return true;
    }

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

            // the real read model, watched: when the third page is asked for, the first page's documents must be garbage
            RequestReadModel model = new RequestReadModel(client);
            List<java.lang.ref.WeakReference<JsonObject>> firstPage = new ArrayList<>();
            int[] pagesAsked = {0};
            boolean[] firstPageHeld = {false};
            cn.liaison.backend.request.RequestQueries watched = (cn.liaison.backend.request.RequestQueries)
                    java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {cn.liaison.backend.request.RequestQueries.class}, (proxy, method, args) -> {
                                Object result = method.invoke(model, args);
                                if (!method.getName().equals("newestFirst")) {
                                    return result;
                                }
                                if (++pagesAsked[0] == 3) {
                                    firstPageHeld[0] = heldAfterCollections(firstPage);
                                }
                                @SuppressWarnings("unchecked")
                                Future<List<JsonObject>> page = (Future<List<JsonObject>>) result;
                                return pagesAsked[0] == 1 ? page.onSuccess(docs -> docs.forEach(d -> firstPage.add(
                                        new java.lang.ref.WeakReference<>(d)))) : page;
                            });
            RequestSearch search = new RequestSearch(watched, null, worker);
            int indexed = search.rebuild().await(300, TimeUnit.SECONDS);

            assertEquals(3, pagesAsked[0]);
            assertEquals(500, firstPage.size());
            assertFalse(firstPageHeld[0], "the rebuild still held the first page's requests while reading the third");

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
