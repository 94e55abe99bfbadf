package cn.liaison.backend.search;

import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.RequestListener;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.backend.request.RequestTextSearch;
import cn.liaison.backend.request.SearchCriteria;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import cn.liaison.backend.platform.store.NewestFirst;
import cn.liaison.backend.platform.store.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's {@link RequestIndex} current and answers searches. Every change made here
 * is indexed at once (the listener) and announced on the {@link IndexSync} stream; changes made by
 * other instances arrive through the stream; the whole index is rebuilt from the store at start
 * (and when the stream lost this instance's place). Index work and searches run one at a time on
 * the {@code liaison-search} worker, so a search sees every change this instance made before it.
 */
final class RequestSearch implements RequestTextSearch, RequestListener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSearch.class);
    private static final int REBUILD_BATCH = 500;

    private final RequestQueries requests;
    private final IndexSync sync;
    private final WorkerExecutor worker;
    private final AtomicReference<RequestIndex> index = new AtomicReference<>(new RequestIndex());
    /** The index being rebuilt, if any: changes go to it too, so none is lost in the swap. */
    private volatile RequestIndex building;
    private volatile boolean ready;
    /** Changed requests waiting for the worker, the newest version of each. */
    private final java.util.concurrent.ConcurrentHashMap<String, JsonObject> pending = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();

    RequestSearch(RequestQueries requests, IndexSync sync, WorkerExecutor worker) {
        this.requests = requests;
        this.sync = sync;
        this.worker = worker;
    }

    boolean ready() {
        return ready;
    }

    @Override
    public Future<List<String>> ids(String text, SearchCriteria criteria, int limit) {
        if (!ready) {
            return Future.failedFuture(new SearchUnavailableException("搜索索引正在建立，请稍后再试"));
        }
        return worker.executeBlocking(() -> index.get().search(text, criteria, limit), true);
    }

    @Override
    public void changed(JsonObject request, Action action) {
        JsonObject copy = request.copy();
        offer(copy);
        sync.announce(copy.getString("_id"), copy.getLong("version", 0L))
                .onFailure(e -> LOG.warn("Search change feed: {} not announced ({}); other instances see it at their next rebuild",
                        copy.getString("number"), e.toString()));
    }

    /**
     * Keeps the newest version of each changed request until the worker indexes it, with one drain
     * queued on the (ordered) worker at a time: a search queued after a change still runs after it.
     * A task a change, as before, queued a copy of the request for every change; while a rebuild
     * held the worker for minutes, a start's backlog of changes (assessments, escalations,
     * notifications marked sent) piled up there, 1.7 GB of queued copies at 100,000 requests. Now
     * what waits is at most one document a request changed.
     */
    private void offer(JsonObject request) {
        pending.merge(request.getString("_id"), request,
                (waiting, newer) -> newer.getLong("version", 0L) >= waiting.getLong("version", 0L) ? newer : waiting);
        if (draining.compareAndSet(false, true)) {
            worker.executeBlocking(this::drain, true)
                    .onFailure(e -> LOG.warn("Indexing changed requests failed: {}", e.toString()));
        }
    }

    /** Changed requests waiting for the worker. */
    int pendingChanges() {
        return pending.size();
    }

    /** Runs on the worker: indexes what changed since the last drain. */
    private int drain() {
        draining.set(false); // an offer from now on queues the next drain
        int indexed = 0;
        for (String id : List.copyOf(pending.keySet())) {
            JsonObject request = pending.remove(id);
            if (request == null) {
                continue;
            }
            try {
                indexed += put(request) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Indexing request {} failed: {}", request.getString("number"), e.toString());
            }
        }
        return indexed;
    }

    /** The newest version of a request this instance has indexed or will index, or -1. */
    private long knownVersion(String id) {
        RequestIndex rebuilding = building;
        JsonObject waiting = pending.get(id);
        return Math.max(Math.max(index.get().version(id), rebuilding == null ? -1 : rebuilding.version(id)),
                waiting == null ? -1 : waiting.getLong("version", 0L));
    }

    /** Reads the change feed once: re-indexes what other instances changed; rebuilds after a gap. */
    Future<Integer> catchUp() {
        return sync.next().compose(read -> {
            if (read.gap()) {
                LOG.warn("Search change feed: this instance's place is gone; rebuilding the index");
                return rebuild();
            }
            List<Future<Boolean>> applied = new ArrayList<>();
            for (IndexSync.Change change : read.changes()) {
                // this instance's own changes are known already (during a rebuild the old index is empty)
                if (change.version() > knownVersion(change.id())) {
                    applied.add(requests.document(change.id()).map(found -> {
                        found.ifPresent(this::offer);
                        return found.isPresent();
                    }));
                }
            }
            return Future.all(applied).map(done -> (int) applied.stream().filter(Future::result).count());
        });
    }

    /** Runs on the worker. */
    private boolean put(JsonObject request) {
        RequestIndex rebuilding = building;
        if (rebuilding != null) {
            rebuilding.put(request);
        }
        return index.get().put(request);
    }

    /**
     * Builds a fresh index from every stored request, then swaps it in. Changes that arrive meanwhile
     * go to both indexes; the version check keeps the newer of a change and the rebuild's read.
     */
    Future<Integer> rebuild() {
        if (building != null) {
            return Future.succeededFuture(0);
        }
        long begin = System.nanoTime();
        RequestIndex fresh = new RequestIndex();
        RequestIndex previous = index.get();
        building = fresh;
        return indexAll(fresh).onFailure(e -> building = null).compose(n -> worker.executeBlocking(() -> {
            index.set(fresh);
            building = null;
            if (previous != fresh) {
                previous.close();
            }
            ready = true;
            LOG.info("Search index built: {} requests in {} ms", fresh.size(), (System.nanoTime() - begin) / 1_000_000);
            return n;
        }, true));
    }

    /**
     * Reads one page of {@value #REBUILD_BATCH} requests after another (a short read each: no cursor
     * stays open across the rebuild, so the embedded store never holds one read for 100,000
     * documents) and indexes each on the worker; {@link Pages} lets each page go once the next is read.
     */
    private Future<Integer> indexAll(RequestIndex fresh) {
        return Pages.<NewestFirst>walk(null, after -> requests.newestFirst(after, REBUILD_BATCH)
                .compose(page -> worker.executeBlocking(() -> {
                    long n = page.stream().filter(fresh::put).count();
                    if (page.size() < REBUILD_BATCH) {
                        return Pages.Step.<NewestFirst>last(n);
                    }
                    JsonObject last = page.get(page.size() - 1);
                    return NewestFirst.of(last).map(next -> new Pages.Step<>(n, next)).orElseGet(() -> {
                        // undated requests sort last and cannot be walked by date: indexed again when they next change
                        LOG.warn("Search index rebuild stopped at request {}: it has no createdAt", last.getString("_id"));
                        return Pages.Step.last(n);
                    });
                }, true))).map(Long::intValue);
    }

    void close() {
        index.get().close();
    }
}
