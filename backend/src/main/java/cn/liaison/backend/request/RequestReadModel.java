package cn.liaison.backend.request;

import static cn.liaison.backend.platform.store.Aggregations.and;
import static cn.liaison.backend.platform.store.Aggregations.range;

import cn.liaison.backend.org.Places;
import cn.liaison.backend.platform.store.Aggregations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link RequestQueries} on the {@code requests} collection. */
public final class RequestReadModel implements RequestQueries {

    private static final String[] TIMED_FIELDS = {"district", "parkId", "projectId", "status", "createdAt", "acceptedAt",
        "signDeadline", "respondedAt", "dueAt", "escalation", "rework", "urgedAt", "rating", "liaisonId", "liaisonName", "unitId"};

    private final MongoClient mongo;

    public RequestReadModel(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public Future<List<JsonObject>> countReceived(Places places, Instant from, Instant to) {
        return Aggregations.countBy(mongo, RequestRepository.COLLECTION, and(places.filter(), range("createdAt", from, to)),
                new JsonObject().put("channel", "$channel").put("type", "$type").put("category", "$category")
                        .put("categoryTitle", "$categoryTitle").put("status", "$status")
                        .put("district", "$district").put("parkId", "$parkId"));
    }

    @Override
    public Future<List<JsonObject>> countRatings(Places places, Instant from, Instant to) {
        return Aggregations.countBy(mongo, RequestRepository.COLLECTION, and(places.filter(), range("rating.at", from, to)),
                new JsonObject().put("level", "$rating.level").put("district", "$district").put("parkId", "$parkId"));
    }

    @Override
    public Future<List<JsonObject>> timedIn(Places places, Instant from, Instant to, int limit) {
        JsonArray any = new JsonArray().add(range("createdAt", from, to)).add(range("respondedAt", from, to))
                .add(range("escalation.at", from, to)).add(range("rework.at", from, to))
                .add(range("urgedAt", from, to)).add(range("rating.at", from, to));
        JsonObject fields = new JsonObject();
        for (String f : TIMED_FIELDS) {
            fields.put(f, 1);
        }
        return mongo.findWithOptions(RequestRepository.COLLECTION, and(places.filter(), new JsonObject().put("$or", any)),
                new FindOptions().setFields(fields).setLimit(limit));
    }

    @Override
    public Future<List<JsonObject>> itemAnswersIn(Places places, Instant from, Instant to, int limit) {
        JsonObject answered = range("respondedAt", from, to).put("category", new JsonObject().put("$regex", "^item\\."));
        return mongo.findWithOptions(RequestRepository.COLLECTION, and(places.filter(), answered), new FindOptions()
                .setFields(new JsonObject().put("district", 1).put("parkId", 1).put("category", 1).put("createdAt", 1)
                        .put("respondedAt", 1)).setLimit(limit));
    }

    @Override
    public Future<List<JsonObject>> dueFirst(Collection<RequestStatus> statuses, int limit) {
        JsonObject query = new JsonObject().put("status", new JsonObject().put("$in",
                new JsonArray(statuses.stream().map(Enum::name).toList())));
        return mongo.findWithOptions(RequestRepository.COLLECTION, query,
                new FindOptions().setSort(new JsonObject().put("activeDueAt", 1)).setLimit(limit));
    }

    @Override
    public Future<List<JsonObject>> mine(String userId, String enterpriseId, int limit) {
        JsonArray or = new JsonArray().add(new JsonObject().put("createdBy.id", userId));
        if (enterpriseId != null) {
            or.add(new JsonObject().put("enterpriseId", enterpriseId));
        }
        return mongo.findWithOptions(RequestRepository.COLLECTION, new JsonObject().put("$or", or),
                new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", -1)).setLimit(limit));
    }

    @Override
    public Future<List<JsonObject>> newestFirst(cn.liaison.backend.platform.store.NewestFirst after, int limit) {
        return mongo.findWithOptions(RequestRepository.COLLECTION, after == null ? new JsonObject() : after.after(),
                new FindOptions().setSort(cn.liaison.backend.platform.store.NewestFirst.sort()).setLimit(limit));
    }

    @Override
    public Future<Optional<JsonObject>> document(String requestId) {
        return mongo.findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", requestId), null).map(Optional::ofNullable);
    }

    @Override
    public Future<Optional<JsonObject>> summary(String requestId) {
        return mongo.findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", requestId),
                        new JsonObject().put("number", 1).put("content", 1).put("rework", 1))
                .map(Optional::ofNullable);
    }

    /** The latest request per project (any state): one aggregation, for the daily proactive scan. */
    @Override
    public Future<java.util.Map<String, Instant>> lastRequestByProject() {
        io.vertx.core.json.JsonArray pipeline = new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("$match", new JsonObject().put("projectId", new JsonObject().put("$ne", null))))
                .add(new JsonObject().put("$group", new JsonObject().put("_id", "$projectId")
                        .put("last", new JsonObject().put("$max", "$createdAt"))));
        return mongo.aggregate(RequestRepository.COLLECTION, pipeline).collect(java.util.stream.Collectors.toList()).map(groups -> {
            java.util.Map<String, Instant> out = new java.util.HashMap<>();
            groups.forEach(g -> {
                Instant last = cn.liaison.backend.platform.store.MongoDocs.instant(g.getValue("last"));
                if (g.getValue("_id") instanceof String id && last != null) {
                    out.put(id, last);
                }
            });
            return out;
        });
    }
}
