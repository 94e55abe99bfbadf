package cn.liaison.backend.project;

import cn.liaison.backend.platform.store.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly pass: matching runs again for every project, so rules that take effect (or end) on a
 * date, and obligations changed outside the API, are caught. One instance at a time (Redis lease);
 * projects are read in pages by id, so memory stays bounded.
 */
public final class PolicyNightly {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyNightly.class);
    private static final int PAGE = 200;
    /** Held by the jobs service around each pass, so one instance matches at a time. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final ProjectService projects;
    private final ProjectStore store;

    PolicyNightly(ProjectService projects, ProjectStore store) {
        this.projects = projects;
        this.store = store;
    }

    /** One pass over all projects, a page of ids at a time ({@link Pages}); returns how many changed. */
    public Future<Integer> runOnce() {
        return Pages.walk("", this::matchPageAfter).map(Long::intValue)
                .onSuccess(changed -> LOG.info("Policy matching for all projects: {} changed", changed));
    }

    /** Matches the page of projects after {@code lastId}, one after another. */
    private Future<Pages.Step<String>> matchPageAfter(String lastId) {
        JsonObject query = new JsonObject().put("_id", new JsonObject().put("$gt", lastId));
        return store.find(query, new JsonObject().put("_id", 1), PAGE).compose(docs -> {
            Future<Long> chain = Future.succeededFuture(0L);
            for (JsonObject doc : docs) {
                chain = chain.compose(n -> projects.rematch(doc)
                        .recover(e -> {
                            LOG.warn("Policy matching for project {} failed: {}", doc.getString("_id"), e.toString());
                            return Future.succeededFuture(false);
                        })
                        .map(changed -> n + (changed ? 1 : 0)));
            }
            String next = docs.size() < PAGE ? null : docs.get(docs.size() - 1).getString("_id");
            return chain.map(n -> new Pages.Step<>(n, next));
        });
    }

}
