package cn.liaison.backend.project;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.outbox.OutboxStore;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.ProjectRef;
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

/**
 * MongoDB adapter for the project library (collection {@code projects}) and site visits
 * (collection {@code site_visits}). A project change is one {@code findOneAndUpdate} matched on id
 * and version, carrying its stage history and outbox entries, like requests.
 */
public final class ProjectStore implements ProjectDirectory, OutboxStore {

    static final String PROJECTS = ProjectCollections.PROJECTS.name();
    static final String VISITS = ProjectCollections.SITE_VISITS.name();

    private final MongoClient mongo;

    public ProjectStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    public Future<Void> ensureIndexes() {
        return Future.all(IndexRegistry.apply(mongo, ProjectCollections.PROJECTS), IndexRegistry.apply(mongo, ProjectCollections.SITE_VISITS)).mapEmpty();
    }

    @Override
    public Future<Optional<ProjectRef>> find(String id) {
        return document(id).map(doc -> doc.map(d -> ProjectDocuments.project(d).ref()));
    }

    public Future<Optional<JsonObject>> document(String id) {
        return mongo.findOne(PROJECTS, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    public Future<JsonObject> insert(JsonObject doc) {
        return mongo.insert(PROJECTS, doc).map(doc);
    }

    /** Applies {@code update} if the project is still at {@code version}; empty when someone else changed it first. */
    public Future<Optional<JsonObject>> update(String id, long version, JsonObject update) {
        update.put("$inc", update.getJsonObject("$inc", new JsonObject()).put("version", 1));
        // Projects stored before the library (demo data in external databases) have no version yet.
        JsonObject query = version == 0
                ? new JsonObject().put("_id", id).put("$or", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("version", 0L)).add(new JsonObject().put("version", new JsonObject().put("$exists", false))))
                : new JsonObject().put("_id", id).put("version", version);
        return mongo.findOneAndUpdateWithOptions(PROJECTS, query, update,
                        new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
                .map(Optional::ofNullable);
    }

    public Future<List<JsonObject>> find(JsonObject query, JsonObject sort, int limit) {
        return mongo.findWithOptions(PROJECTS, query, new FindOptions().setSort(sort).setLimit(limit));
    }

    public Future<JsonObject> insertVisit(JsonObject visit) {
        return mongo.insert(VISITS, visit).map(visit);
    }

    public Future<Optional<JsonObject>> visit(String id) {
        return mongo.findOne(VISITS, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    public Future<List<JsonObject>> visits(String projectId, int limit) {
        return mongo.findWithOptions(VISITS, new JsonObject().put("projectId", projectId),
                new FindOptions().setSort(new JsonObject().put("date", -1).put("_id", -1)).setLimit(limit));
    }

    /** Projects with an outbox entry due for delivery. */
    @Override
    public Future<List<JsonObject>> withDueOutbox(Instant now, int limit) {
        JsonObject query = new JsonObject().put("outbox", new JsonObject().put("$elemMatch",
                new JsonObject().put("nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)))));
        return mongo.findWithOptions(PROJECTS, query, new FindOptions().setLimit(limit)
                .setFields(new JsonObject().put("outbox", 1).put("name", 1)));
    }

    @Override
    public Future<Void> pullOutboxEntries(Map<String, List<String>> delivered) {
        return OutboxStore.pullDelivered(mongo, PROJECTS, delivered);
    }

    @Override
    public Future<Void> markOutboxAttempt(String projectId, String notificationId, int attempts, Instant next, String error) {
        JsonObject set = new JsonObject().put("outbox.$.attempts", attempts)
                .put("outbox.$.nextAttemptAt", MongoDocs.date(next)).put("outbox.$.lastError", error);
        return mongo.updateCollection(PROJECTS, new JsonObject().put("_id", projectId).put("outbox.id", notificationId),
                new JsonObject().put("$set", set)).mapEmpty();
    }

    @Override
    public Future<Void> failOutboxEntry(String projectId, JsonObject entry) {
        JsonObject update = new JsonObject()
                .put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", entry.getString("id"))))
                .put("$push", new JsonObject().put("failedNotifications", entry));
        return mongo.updateCollection(PROJECTS, new JsonObject().put("_id", projectId), update).mapEmpty();
    }

    /** Demo projects (embedded mode) get the fields of the full library once, if they lack them. */
    public Future<Void> completeDemoProject(String id, JsonObject fields) {
        return mongo.updateCollection(PROJECTS, new JsonObject().put("_id", id).put("landUse", new JsonObject().put("$exists", false)),
                new JsonObject().put("$set", fields)).mapEmpty();
    }

    MongoClient mongo() {
        return mongo;
    }
}
