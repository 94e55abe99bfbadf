package cn.liaison.backend.platform.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Documents that carry an outbox ({@code outbox[]} of notification entries written in the same
 * update as the change they report): requests, projects. {@link OutboxDispatcher} delivers them.
 */
public interface OutboxStore {

    /** Documents (with at least {@code _id} and {@code outbox}) holding an entry due at {@code now}. */
    Future<List<JsonObject>> withDueOutbox(Instant now, int limit);

    Future<Void> pullOutboxEntry(String ownerId, String notificationId);

    Future<Void> markOutboxAttempt(String ownerId, String notificationId, int attempts, Instant next, String error);

    /** Gives up on an entry: it moves to the document's {@code failedNotifications}. */
    Future<Void> failOutboxEntry(String ownerId, JsonObject entry);
}
