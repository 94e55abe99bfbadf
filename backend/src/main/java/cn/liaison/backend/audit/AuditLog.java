package cn.liaison.backend.audit;

import cn.liaison.backend.platform.audit.AuditAction;
import cn.liaison.backend.platform.audit.AuditEvent;
import cn.liaison.backend.platform.audit.AuditSink;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner of {@code audit_log}: insert only (nothing here updates or deletes a line; the ops
 * retention job removes lines older than AUDIT_RETENTION_DAYS). Each line carries {@code seq}, the
 * time in milliseconds (13 digits) plus a random suffix, so newest-first pages, date ranges and the
 * cursor are all one range on one indexed key.
 */
final class AuditLog implements AuditSink {

    static final String COLLECTION = AuditCollections.AUDIT_LOG.name();
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** The window a first page is looked for in before the whole log (see {@link #page}). */
    private static final Duration RECENT = Duration.ofDays(7);

    private final MongoClient mongo;
    private final Clock clock;

    AuditLog(MongoClient mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Future<Void> start() {
        return IndexRegistry.apply(mongo, AuditCollections.AUDIT_LOG);
    }

    @Override
    public void record(AuditEvent e) {
        String seq = seqAt(e.at().toEpochMilli()) + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        JsonObject doc = new JsonObject().put("_id", seq).put("seq", seq).put("at", MongoDocs.date(e.at()))
                .put("action", e.action().name()).put("actorId", e.actorId()).put("actorName", e.actorName())
                .put("role", e.role()).put("address", e.address()).put("target", e.target()).put("detail", e.detail())
                .put("httpStatus", e.status());
        mongo.insert(COLLECTION, doc).onFailure(err -> LOG.warn("Audit line not written ({}): {}", e.action(), err.toString()));
    }

    static String seqAt(long epochMillis) {
        return String.format("%013d", epochMillis);
    }

    /** A filter for {@link #page}: each part optional. */
    record Query(AuditAction action, String actorId, LocalDate from, LocalDate to, String cursor, int limit) {
    }

    /**
     * One page, newest first. Without a start date the recent week before the page's end is tried
     * first — an open range walks the whole index, a week's range only its lines — and the open
     * range only when that week holds less than a page.
     */
    Future<List<JsonObject>> page(Query q) {
        if (q.from() != null) {
            return find(q, null);
        }
        long end = q.cursor() != null ? Long.parseLong(q.cursor().substring(0, 13))
                : q.to() != null ? q.to().plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant().toEpochMilli()
                : clock.millis() + 1;
        String recent = seqAt(Math.max(0, end - RECENT.toMillis()));
        return find(q, recent).compose(found -> found.size() >= q.limit() ? Future.succeededFuture(found) : find(q, null));
    }

    private Future<List<JsonObject>> find(Query q, String lowerBound) {
        JsonObject filter = new JsonObject();
        if (q.action() != null) {
            filter.put("action", q.action().name());
        }
        if (q.actorId() != null) {
            filter.put("actorId", q.actorId());
        }
        JsonObject range = new JsonObject();
        if (q.from() != null) {
            range.put("$gte", seqAt(q.from().atStartOfDay(MongoDocs.ZONE).toInstant().toEpochMilli()));
        } else if (lowerBound != null) {
            range.put("$gte", lowerBound);
        }
        String upper = q.to() == null ? null : seqAt(q.to().plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant().toEpochMilli());
        if (q.cursor() != null && (upper == null || q.cursor().compareTo(upper) < 0)) {
            upper = q.cursor();
        }
        if (upper != null) {
            range.put("$lt", upper);
        }
        if (!range.isEmpty()) {
            filter.put("seq", range);
        }
        return mongo.findWithOptions(COLLECTION, filter,
                new FindOptions().setSort(new JsonObject().put("seq", -1)).setLimit(q.limit()));
    }

    static JsonObject toApi(JsonObject doc) {
        AuditAction action = AuditAction.valueOf(doc.getString("action"));
        Instant at = MongoDocs.instant(doc.getValue("at"));
        JsonObject out = new JsonObject().put("id", doc.getString("_id")).put("at", MongoDocs.apiTime(at))
                .put("action", action.name()).put("actionLabel", action.label())
                .put("actorName", doc.getString("actorName", "（未登录）")).put("address", doc.getString("address"))
                .put("httpStatus", doc.getInteger("httpStatus"));
        copy(doc, out, "actorId", "role", "target", "detail");
        if (doc.getString("role") != null) {
            out.put("roleLabel", cn.liaison.backend.platform.auth.Role.valueOf(doc.getString("role")).label());
        }
        return out;
    }

    private static void copy(JsonObject from, JsonObject to, String... fields) {
        for (String f : fields) {
            if (from.getValue(f) != null) {
                to.put(f, from.getValue(f));
            }
        }
    }

    static JsonArray items(List<JsonObject> docs) {
        JsonArray items = new JsonArray();
        docs.forEach(d -> items.add(toApi(d)));
        return items;
    }
}
