package cn.liaison.backend.platform.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Small query helpers the owners of collections share for their read models. */
public final class Aggregations {

    private Aggregations() {
    }

    /**
     * {@code $match} then {@code $group} by {@code key} (field → "$path") counting documents: each
     * group as {@code {_id: {key values}, n}}.
     */
    public static Future<List<JsonObject>> countBy(MongoClient mongo, String collection, JsonObject match, JsonObject key) {
        JsonArray pipeline = new JsonArray()
                .add(new JsonObject().put("$match", match))
                .add(new JsonObject().put("$group", new JsonObject().put("_id", key).put("n", new JsonObject().put("$sum", 1))));
        return mongo.aggregate(collection, pipeline).collect(Collectors.toList());
    }

    /** {@code field} in [from, to). */
    public static JsonObject range(String field, Instant from, Instant to) {
        return new JsonObject().put(field, new JsonObject().put("$gte", MongoDocs.date(from)).put("$lt", MongoDocs.date(to)));
    }

    /** Both filters; {@code a} may be empty. */
    public static JsonObject and(JsonObject a, JsonObject b) {
        return a.isEmpty() ? b : new JsonObject().put("$and", new JsonArray().add(a).add(b));
    }
}
