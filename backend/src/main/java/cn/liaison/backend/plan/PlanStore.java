package cn.liaison.backend.plan;

import cn.liaison.backend.platform.outbox.OutboxStore;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MongoDB adapter for service plans (collection {@code service_plans}, owned here). A change is one
 * {@code findOneAndUpdate} matched on id and version that also carries its history entry and the
 * outbox entries it causes, like requests and projects.
 */
final class PlanStore implements OutboxStore {

    static final String PLANS = PlanCollections.SERVICE_PLANS.name();

    private final MongoClient mongo;

    PlanStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, PlanCollections.SERVICE_PLANS);
    }

    Future<JsonObject> insert(JsonObject doc) {
        return mongo.insert(PLANS, doc).map(doc);
    }

    Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(PLANS, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    /** Applies {@code update} if the plan is still at {@code version}; empty when someone else changed it first. */
    Future<Optional<JsonObject>> update(String id, long version, JsonObject update) {
        update.put("$inc", update.getJsonObject("$inc", new JsonObject()).put("version", 1));
        return mongo.findOneAndUpdateWithOptions(PLANS, new JsonObject().put("_id", id).put("version", version), update,
                        new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
                .map(Optional::ofNullable);
    }

    Future<List<JsonObject>> find(JsonObject query, JsonObject sort, int limit, JsonObject fields) {
        FindOptions options = new FindOptions().setSort(sort).setLimit(limit);
        if (fields != null) {
            options.setFields(fields);
        }
        return mongo.findWithOptions(PLANS, query, options);
    }

    /** Plans still running whose earliest open step is due (or reminds) by {@code horizon}. */
    Future<List<JsonObject>> running(Instant horizon, int limit) {
        JsonObject query = new JsonObject().put("status", PlanStatus.ACTIVE.name())
                .put("nextDueAt", new JsonObject().put("$lte", MongoDocs.date(horizon)));
        return mongo.findWithOptions(PLANS, query, new FindOptions().setLimit(limit)
                .setSort(new JsonObject().put("nextDueAt", 1)));
    }

    @Override
    public Future<List<JsonObject>> withDueOutbox(Instant now, int limit) {
        JsonObject query = new JsonObject().put("outbox.nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)));
        return mongo.findWithOptions(PLANS, query, new FindOptions().setLimit(limit)
                .setFields(new JsonObject().put("outbox", 1).put("title", 1)));
    }

    @Override
    public Future<Void> pullOutboxEntries(Map<String, List<String>> delivered) {
        return OutboxStore.pullDelivered(mongo, PLANS, delivered);
    }

    @Override
    public Future<Void> markOutboxAttempt(String planId, String notificationId, int attempts, Instant next, String error) {
        JsonObject set = new JsonObject().put("outbox.$.attempts", attempts)
                .put("outbox.$.nextAttemptAt", MongoDocs.date(next)).put("outbox.$.lastError", error);
        return mongo.updateCollection(PLANS, new JsonObject().put("_id", planId).put("outbox.id", notificationId),
                new JsonObject().put("$set", set)).mapEmpty();
    }

    @Override
    public Future<Void> failOutboxEntry(String planId, JsonObject entry) {
        JsonObject update = new JsonObject()
                .put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", entry.getString("id"))))
                .put("$push", new JsonObject().put("failedNotifications", entry));
        return mongo.updateCollection(PLANS, new JsonObject().put("_id", planId), update).mapEmpty();
    }

    /** Plans of the units given (all when null) with {@code field} inside [from, to): only the fields named. */
    Future<List<JsonObject>> touched(List<String> units, JsonArray anyOf, JsonObject fields, int limit) {
        JsonObject query = new JsonObject().put("$or", anyOf);
        if (units != null) {
            JsonArray ids = new JsonArray(units);
            query = new JsonObject().put("$and", new JsonArray().add(query).add(new JsonObject().put("$or", new JsonArray()
                    .add(new JsonObject().put("district", new JsonObject().put("$in", ids)))
                    .add(new JsonObject().put("parkId", new JsonObject().put("$in", ids))))));
        }
        return mongo.findWithOptions(PLANS, query, new FindOptions().setFields(fields).setLimit(limit));
    }
}
