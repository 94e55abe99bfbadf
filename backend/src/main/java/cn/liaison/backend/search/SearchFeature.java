package cn.liaison.backend.search;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.request.RequestModule;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search over requests (the ledger's {@code q=}): an in-memory Lucene index per instance,
 * built from the store in the background at start, kept current by this instance's changes at once
 * and by other instances' through a Redis change feed (job {@code search-sync}, every second, on
 * every instance), and rebuilt every night (job {@code search-rebuild}) to heal anything a Redis
 * outage hid. Until the first build is done, {@code q=} answers 503.
 */
public final class SearchFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFeature.class);

    private WorkerExecutor worker;
    private RequestSearch search;
    private final io.vertx.core.Promise<Integer> built = io.vertx.core.Promise.promise();

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Future<Void> start(Platform platform) {
        RequestModule requests = platform.ports().require(RequestModule.class);
        worker = platform.vertx().createSharedWorkerExecutor("liaison-search", 1);
        IndexSync sync = new IndexSync(platform.stores().redis());
        search = new RequestSearch(requests.queries(), sync, worker);
        requests.addListener(search);
        requests.searchWith(search);
        platform.jobs().add(Job.everywhere("search-sync", Schedule.every(Duration.ofSeconds(1)), search::catchUp));
        platform.jobs().add(Job.everywhere("search-rebuild", Schedule.dailyAt(LocalTime.of(3, 30), ZoneId.of("Asia/Shanghai")),
                search::rebuild));
        platform.ports().publish(SearchFeature.class, this);
        // The feed position first (nothing after it is missed), then the rebuild in the background.
        sync.startAtEnd().recover(e -> {
            LOG.warn("Search change feed: Redis not reachable at start ({}); joined at its first read", e.toString());
            return Future.succeededFuture();
        }).compose(v -> search.rebuild())
                .onComplete(built)
                .onFailure(e -> LOG.error("Search index build failed: {}", e.toString()));
        return Future.succeededFuture();
    }

    /** Completes with the number of requests indexed when the first build is done ({@code q=} answers 503 before). */
    public Future<Integer> built() {
        return built.future();
    }

    @Override
    public void close() {
        if (search != null) {
            search.close();
        }
    }
}
