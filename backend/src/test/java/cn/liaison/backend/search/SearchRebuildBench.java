package cn.liaison.backend.search;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.StoreBench;
import cn.liaison.backend.request.RequestReadModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The request search's index rebuild (run at every start and nightly) over N requests as
 * {@link StoreBench} seeds them: how long it takes, and how long a request read by {@code _id}
 * waits meanwhile (the embedded store serialises each collection's commands, so a read that holds
 * the collection shows up there). Not a test: {@code java ... SearchRebuildBench 10000 [DIR]}
 * (DIR: a DATA_DIR already seeded with {@code deploy/bench.sh seed}). Figures in the README.
 */
public final class SearchRebuildBench {

    private SearchRebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("liaison-search-bench");
        if (args.length == 1) {
            StoreBench.main(new String[] {"seed", Integer.toString(size), dir.toString()});
        }
        Vertx vertx = Vertx.vertx();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir)) {
            MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                    .put("db_name", "liaison").put("socketTimeoutMS", 600_000));
            long stored = client.count("requests", new JsonObject()).await(600, TimeUnit.SECONDS);
            WorkerExecutor worker = vertx.createSharedWorkerExecutor("liaison-search", 1);
            String someId = client.findOne("requests", new JsonObject(), new JsonObject().put("_id", 1))
                    .await(60, TimeUnit.SECONDS).getString("_id");
            for (int round = 1; round <= 3; round++) {
                RequestSearch search = new RequestSearch(new RequestReadModel(client), null, worker);
                List<Long> waits = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean running = new AtomicBoolean(true);
                Thread reader = new Thread(() -> {
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        try {
                            client.findOne("requests", new JsonObject().put("_id", someId), null).await(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            return;
                        }
                        waits.add(System.nanoTime() - t0);
                    }
                });
                reader.start();
                long t0 = System.nanoTime();
                int indexed = search.rebuild().await(600, TimeUnit.SECONDS);
                long took = System.nanoTime() - t0;
                running.set(false);
                reader.join();
                List<Long> sorted = new ArrayList<>(waits);
                Collections.sort(sorted);
                System.out.printf("rebuild %d: %,d of %,d requests in %.2f s; a read by _id meanwhile: %d reads, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        round, indexed, stored, took / 1e9, sorted.size(), pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0));
                search.close();
            }
            // the plans the store chose for the rebuild's reads (a scan here would make each page cost the whole collection)
            new java.util.LinkedHashSet<>(mongo.queryLog().entries()).forEach(e -> System.out.println("  plan " + e));
            worker.close();
            client.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
