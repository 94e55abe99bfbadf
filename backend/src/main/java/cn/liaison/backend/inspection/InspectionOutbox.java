package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.outbox.OutboxStore;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inspections' outbox: notices written with the change they report, delivered by the platform's dispatcher. */
final class InspectionOutbox implements OutboxStore {

    private final MongoClient mongo;

    InspectionOutbox(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** An outbox entry; {@code data} carries the inspection's number and summary for the subscribe message. */
    static JsonObject entry(NotificationEvent event, List<String> recipients, String title, String text, Instant now,
                            JsonObject data) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("event", event.name())
                .put("recipients", new JsonArray(recipients)).put("title", title).put("text", text)
                .put("data", data).put("createdAt", MongoDocs.date(now)).put("attempts", 0)
                .put("nextAttemptAt", MongoDocs.date(now));
    }

    @Override
    public Future<List<JsonObject>> withDueOutbox(Instant now, int limit) {
        JsonObject query = new JsonObject().put("outbox", new JsonObject().put("$elemMatch",
                new JsonObject().put("nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)))));
        return mongo.findWithOptions(Inspections.COLLECTION, query, new FindOptions().setLimit(limit)
                .setFields(new JsonObject().put("outbox", 1)));
    }

    @Override
    public Future<Void> pullOutboxEntries(Map<String, List<String>> delivered) {
        return OutboxStore.pullDelivered(mongo, Inspections.COLLECTION, delivered);
    }

    @Override
    public Future<Void> markOutboxAttempt(String ownerId, String notificationId, int attempts, Instant next, String error) {
        JsonObject set = new JsonObject().put("outbox.$.attempts", attempts)
                .put("outbox.$.nextAttemptAt", MongoDocs.date(next)).put("outbox.$.lastError", error);
        return mongo.updateCollection(Inspections.COLLECTION, new JsonObject().put("_id", ownerId).put("outbox.id", notificationId),
                new JsonObject().put("$set", set)).mapEmpty();
    }

    @Override
    public Future<Void> failOutboxEntry(String ownerId, JsonObject entry) {
        return mongo.updateCollection(Inspections.COLLECTION, new JsonObject().put("_id", ownerId), new JsonObject()
                .put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", entry.getString("id"))))
                .put("$push", new JsonObject().put("failedNotifications", entry))).mapEmpty();
    }
}
