package cn.liaison.backend.platform.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents that carry an outbox ({@code outbox[]} of notification entries written in the same
 * update as the change they report): requests, projects. {@link OutboxDispatcher} delivers them.
 */
public interface OutboxStore {

    /** Documents (with at least {@code _id} and {@code outbox}) holding an entry due at {@code now}. */
    Future<List<JsonObject>> withDueOutbox(Instant now, int limit);

    /**
     * Removes delivered entries: notification ids by owner document, all in one store command
     * ({@link #pullDelivered}), since each write is a commit of its own.
     */
    Future<Void> pullOutboxEntries(Map<String, List<String>> delivered);

    /**
     * What every outbox store does for {@link #pullOutboxEntries}: one bulk write of one
     * {@code $pull} per document, whichever collection holds them.
     */
    static Future<Void> pullDelivered(MongoClient mongo, String collection, Map<String, List<String>> delivered) {
        if (delivered.isEmpty()) {
            return Future.succeededFuture();
        }
        List<BulkOperation> pulls = new ArrayList<>();
        delivered.forEach((ownerId, ids) -> pulls.add(BulkOperation.createUpdate(new JsonObject().put("_id", ownerId),
                new JsonObject().put("$pull", new JsonObject().put("outbox", new JsonObject().put("id",
                        new JsonObject().put("$in", new JsonArray(new ArrayList<Object>(ids)))))))));
        return mongo.bulkWrite(collection, pulls).mapEmpty();
    }

    Future<Void> markOutboxAttempt(String ownerId, String notificationId, int attempts, Instant next, String error);

    /** Gives up on an entry: it moves to the document's {@code failedNotifications}. */
    Future<Void> failOutboxEntry(String ownerId, JsonObject entry);
}
