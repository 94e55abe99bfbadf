package cn.liaison.backend.request;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.outbox.OutboxStore;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * MongoDB adapter for requests. Every change is one {@code findOneAndUpdate} matched on id and
 * version, so concurrent writers (two liaisons, an instance and the scheduler) never overwrite each
 * other: exactly one wins and the others see the new version.
 */
public final class RequestRepository implements OutboxStore {

    static final String COLLECTION = RequestCollections.REQUESTS.name();
    private static final String COUNTERS = RequestCollections.COUNTERS.name();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoClient mongo;
    private final RequestNumbers numbers;

    public RequestRepository(MongoClient mongo) {
        this.mongo = mongo;
        this.numbers = new RequestNumbers(this::reserveNumbers, System::nanoTime);
    }

    public Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, RequestCollections.REQUESTS);
    }

    /**
     * A human-readable number, e.g. SQ20261122-0007, unique per day; in creation order while
     * requests come slowly, reserved in blocks under load (see {@link RequestNumbers}).
     */
    public Future<String> nextNumber(LocalDate day) {
        return numbers.next(day).map(seq -> "SQ" + DAY.format(day) + "-" + String.format("%04d", seq));
    }

    /** Takes {@code count} numbers of {@code day} from its counter; completes with the last of them. */
    private Future<Long> reserveNumbers(LocalDate day, int count) {
        return mongo.findOneAndUpdateWithOptions(COUNTERS, new JsonObject().put("_id", "request-" + DAY.format(day)),
                        new JsonObject().put("$inc", new JsonObject().put("seq", count)),
                        new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
                .map(counter -> counter.getLong("seq"));
    }

    public Future<JsonObject> insert(JsonObject document) {
        return mongo.insert(COLLECTION, document).map(document);
    }

    public Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    /**
     * The id a request submitted with an {@code Idempotency-Key} gets: derived from the user and the
     * key, so a retry collides on the primary key instead of creating a second request.
     */
    public static String idFor(String userId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((userId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Applies {@code update} if the request is still at {@code version}; also increments the
     * version. Empty when another writer got there first.
     */
    public Future<Optional<JsonObject>> update(String id, long version, JsonObject update) {
        JsonObject query = new JsonObject().put("_id", id).put("version", version);
        return updateWhere(query, update);
    }

    /** Applies {@code update} to the request matching {@code query} (which must include the id). */
    public Future<Optional<JsonObject>> updateWhere(JsonObject query, JsonObject update) {
        JsonObject inc = update.getJsonObject("$inc", new JsonObject()).put("version", 1);
        update.put("$inc", inc);
        return mongo.findOneAndUpdateWithOptions(COLLECTION, query, update, new FindOptions(),
                        new UpdateOptions().setReturningNewDocument(true))
                .map(Optional::ofNullable);
    }

    public Future<List<JsonObject>> find(JsonObject query, JsonObject sort, int limit) {
        return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(sort).setLimit(limit));
    }

    /** The same as {@link #find} as a stream read batch by batch (the ledger's export). */
    public io.vertx.core.streams.ReadStream<JsonObject> stream(JsonObject query, JsonObject sort, int limit) {
        return mongo.findBatchWithOptions(COLLECTION, query, new FindOptions().setSort(sort).setLimit(limit).setBatchSize(500));
    }

    /** The filter of a liaison's open tasks (待办): assigned to them and not yet answered. */
    static JsonObject openTasksOf(String liaisonId) {
        return new JsonObject().put("liaisonId", liaisonId).put("status", new JsonObject().put("$in",
                new io.vertx.core.json.JsonArray(List.of(RequestStatus.ASSIGNED.name(),
                        RequestStatus.IN_PROGRESS.name(), RequestStatus.REWORK.name()))));
    }

    public Future<Long> count(JsonObject query) {
        return mongo.count(COLLECTION, query);
    }

    /** Requests with an outbox entry due for delivery. */
    @Override
    public Future<List<JsonObject>> withDueOutbox(Instant now, int limit) {
        JsonObject query = new JsonObject().put("outbox", new JsonObject().put("$elemMatch",
                new JsonObject().put("nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)))));
        return mongo.findWithOptions(COLLECTION, query, new FindOptions().setLimit(limit)
                .setFields(new JsonObject().put("outbox", 1).put("number", 1)));
    }

    @Override
    public Future<Void> pullOutboxEntries(Map<String, List<String>> delivered) {
        return OutboxStore.pullDelivered(mongo, COLLECTION, delivered);
    }

    /** Records a failed delivery attempt on one outbox entry (positional update). */
    @Override
    public Future<Void> markOutboxAttempt(String requestId, String notificationId, int attempts, Instant next,
                                          String error) {
        JsonObject query = new JsonObject().put("_id", requestId).put("outbox.id", notificationId);
        JsonObject set = new JsonObject()
                .put("outbox.$.attempts", attempts)
                .put("outbox.$.nextAttemptAt", MongoDocs.date(next))
                .put("outbox.$.lastError", error);
        return mongo.updateCollection(COLLECTION, query, new JsonObject().put("$set", set)).mapEmpty();
    }

    /** Gives up on one outbox entry: moved to {@code failedNotifications}, visible on the request. */
    @Override
    public Future<Void> failOutboxEntry(String requestId, JsonObject entry) {
        JsonObject update = new JsonObject()
                .put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", entry.getString("id"))))
                .put("$push", new JsonObject().put("failedNotifications", entry));
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", requestId), update).mapEmpty();
    }

    /**
     * Appends an entry to one of the request's logs (e.g. {@code callbacks}, every 12345 callback
     * attempt) without touching its version: a log entry is not a change of the request.
     */
    public Future<Void> appendLog(String requestId, String field, JsonObject entry) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", requestId),
                        new JsonObject().put("$push", new JsonObject().put(field, entry)))
                .mapEmpty();
    }

    static JsonArray each(List<JsonObject> items) {
        return new JsonArray(List.copyOf(items));
    }

}
