package cn.liaison.backend.project;

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

    /** One pass over all projects; returns how many changed. */
    public Future<Integer> runOnce() {
        return pageAfter("", 0)
                .onSuccess(changed -> LOG.info("Policy matching for all projects: {} changed", changed));
    }

    private Future<Integer> pageAfter(String lastId, int changedSoFar) {
        JsonObject query = new JsonObject().put("_id", new JsonObject().put("$gt", lastId));
        return store.find(query, new JsonObject().put("_id", 1), PAGE).compose(docs -> {
            Future<Integer> chain = Future.succeededFuture(changedSoFar);
            for (JsonObject doc : docs) {
                chain = chain.compose(n -> projects.rematch(doc)
                        .recover(e -> {
                            LOG.warn("Policy matching for project {} failed: {}", doc.getString("_id"), e.toString());
                            return Future.succeededFuture(false);
                        })
                        .map(changed -> n + (changed ? 1 : 0)));
            }
            return docs.size() < PAGE ? chain : chain.compose(n -> pageAfter(docs.get(docs.size() - 1).getString("_id"), n));
        });
    }

}
