package cn.liaison.backend.project;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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
        Promise<Integer> done = Promise.promise();
        pageAfter("", 0, done);
        return done.future().onSuccess(changed -> LOG.info("Policy matching for all projects: {} changed", changed));
    }

    /**
     * Matches one project; a project the rules refuse (one stored outside the API, without a
     * district) is logged and passed over. The rules throw such a refusal before returning a
     * future, and it used to end the whole pass at that project.
     */
    private Future<Boolean> rematch(JsonObject doc) {
        Future<Boolean> attempt;
        try {
            attempt = projects.rematch(doc);
        } catch (RuntimeException e) {
            attempt = Future.failedFuture(e);
        }
        return attempt.recover(e -> {
            LOG.warn("Policy matching for project {} failed: {}", doc.getString("_id"), e.toString());
            return Future.succeededFuture(false);
        });
    }

    /** How a page went: projects changed so far, and the id to read after (null: the last page). */
    private record Step(int changed, String next) {}

    /**
     * Matches one page of projects, one after another, then reads the next: a loop of callbacks, so
     * a page is garbage once the next is read (a recursion of {@code compose} would hold every page
     * until the pass ended).
     */
    private void pageAfter(String lastId, int changedSoFar, Promise<Integer> done) {
        JsonObject query = new JsonObject().put("_id", new JsonObject().put("$gt", lastId));
        store.find(query, new JsonObject().put("_id", 1), PAGE).compose(docs -> {
            Future<Integer> chain = Future.succeededFuture(changedSoFar);
            for (JsonObject doc : docs) {
                chain = chain.compose(n -> rematch(doc).map(changed -> n + (changed ? 1 : 0)));
            }
            String next = docs.size() < PAGE ? null : docs.get(docs.size() - 1).getString("_id");
            return chain.map(n -> new Step(n, next));
        }).onComplete(result -> {
            if (result.failed()) {
                done.fail(result.cause());
            } else if (result.result().next() == null) {
                done.complete(result.result().changed());
            } else {
                pageAfter(result.result().next(), result.result().changed(), done);
            }
        });
    }

}
