package cn.liaison.backend.proactive;

import cn.liaison.backend.platform.outbox.OutboxStore;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MongoDB adapter for proactive tasks (collection {@code proactive_tasks}: one per trigger, keyed by
 * it so a trigger raises a task once) and the contacts the office started with enterprises
 * (collection {@code proactive_contacts}: counted against the monthly limit).
 */
final class ProactiveStore implements OutboxStore {

    static final String TASKS = ProactiveCollections.TASKS.name();
    static final String CONTACTS = ProactiveCollections.CONTACTS.name();

    private final MongoClient mongo;

    ProactiveStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    Future<Void> ensureIndexes() {
        return Future.all(IndexRegistry.apply(mongo, ProactiveCollections.TASKS),
                IndexRegistry.apply(mongo, ProactiveCollections.CONTACTS)).mapEmpty();
    }

    /** Inserts a new task; false when its trigger already raised one (duplicate key). */
    Future<Boolean> insertOnce(JsonObject task) {
        return mongo.insert(TASKS, task).map(id -> true)
                .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
    }

    Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(TASKS, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    Future<List<JsonObject>> find(JsonObject query, int limit) {
        return mongo.findWithOptions(TASKS, query, new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(limit)
                .setFields(new JsonObject().put("outbox", 0)));
    }

    Future<Optional<JsonObject>> markDone(String id, JsonObject set) {
        return mongo.findOneAndUpdateWithOptions(TASKS, new JsonObject().put("_id", id).put("status", "OPEN"),
                new JsonObject().put("$set", set), new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
                .map(Optional::ofNullable);
    }

    Future<Void> recordContact(JsonObject contact) {
        return mongo.insert(CONTACTS, contact).mapEmpty();
    }

    /** Contacts started with the enterprise in the month ({@code yyyy-MM}); few by construction (the monthly limit). */
    Future<List<JsonObject>> contacts(String enterpriseId, String month) {
        return mongo.findWithOptions(CONTACTS, new JsonObject().put("enterpriseId", enterpriseId).put("month", month),
                new FindOptions().setLimit(100));
    }

    /** The latest contact per project (tasks done with a contact, check-ins sent). */
    Future<Map<String, Instant>> lastContacts() {
        return mongo.aggregate(CONTACTS, new io.vertx.core.json.JsonArray().add(new JsonObject().put("$group",
                        new JsonObject().put("_id", "$projectId").put("last", new JsonObject().put("$max", "$at")))))
                .collect(Collectors.toList())
                .map(groups -> groups.stream().filter(g -> g.getValue("_id") instanceof String && g.getValue("last") != null)
                        .collect(Collectors.toMap(g -> g.getString("_id"), g -> MongoDocs.instant(g.getValue("last")))));
    }

    @Override
    public Future<List<JsonObject>> withDueOutbox(Instant now, int limit) {
        JsonObject query = new JsonObject().put("outbox.nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)));
        return mongo.findWithOptions(TASKS, query, new FindOptions().setLimit(limit).setFields(new JsonObject().put("outbox", 1)));
    }

    @Override
    public Future<Void> pullOutboxEntries(Map<String, List<String>> delivered) {
        return OutboxStore.pullDelivered(mongo, TASKS, delivered);
    }

    @Override
    public Future<Void> markOutboxAttempt(String id, String notificationId, int attempts, Instant next, String error) {
        JsonObject set = new JsonObject().put("outbox.$.attempts", attempts)
                .put("outbox.$.nextAttemptAt", MongoDocs.date(next)).put("outbox.$.lastError", error);
        return mongo.updateCollection(TASKS, new JsonObject().put("_id", id).put("outbox.id", notificationId),
                new JsonObject().put("$set", set)).mapEmpty();
    }

    @Override
    public Future<Void> failOutboxEntry(String id, JsonObject entry) {
        return mongo.updateCollection(TASKS, new JsonObject().put("_id", id), new JsonObject()
                .put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", entry.getString("id"))))
                .put("$push", new JsonObject().put("failedNotifications", entry))).mapEmpty();
    }
}
