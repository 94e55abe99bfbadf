package cn.liaison.backend.kb;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kb_entries}: one document per entry with a {@code draft} and a {@code published} version,
 * each holding the entry's YAML text; {@code version} counts publications.
 */
final class KbRepository {

    static final String COLLECTION = KbCollections.ENTRIES.name();

    private final MongoClient mongo;

    KbRepository(MongoClient mongo) {
        this.mongo = mongo;
    }

    Future<Long> count() {
        return mongo.count(COLLECTION, new JsonObject());
    }

    Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    Future<List<JsonObject>> all() {
        return mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)));
    }

    /** Published entries as {@code id → YAML text}. */
    Future<Map<String, String>> published() {
        return mongo.find(COLLECTION, new JsonObject().put("published", new JsonObject().put("$ne", null))).map(docs -> {
            Map<String, String> entries = new LinkedHashMap<>();
            docs.forEach(d -> entries.put(d.getString("_id"), d.getJsonObject("published").getString("yaml")));
            return entries;
        });
    }

    Future<Void> saveDraft(String id, String yaml, String by, Instant at) {
        JsonObject draft = new JsonObject().put("yaml", yaml).put("updatedBy", by).put("updatedAt", MongoDocs.date(at));
        return upsert(id, new JsonObject().put("$set", new JsonObject().put("draft", draft)));
    }

    /** Publishes the given text (an import, or the current draft) and clears the draft. */
    Future<Void> publish(String id, String yaml, String by, Instant at) {
        JsonObject published = new JsonObject().put("yaml", yaml).put("publishedBy", by).put("publishedAt", MongoDocs.date(at));
        return upsert(id, new JsonObject()
                .put("$set", new JsonObject().put("published", published).putNull("draft"))
                .put("$inc", new JsonObject().put("version", 1)));
    }

    Future<Void> unpublish(String id, String by, Instant at) {
        return upsert(id, new JsonObject().put("$set", new JsonObject().putNull("published")
                .put("unpublishedBy", by).put("unpublishedAt", MongoDocs.date(at))));
    }

    private Future<Void> upsert(String id, JsonObject update) {
        return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", id), update,
                new UpdateOptions().setUpsert(true)).mapEmpty();
    }
}
