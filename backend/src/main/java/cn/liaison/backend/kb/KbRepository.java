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
 * each holding the entry's YAML text; {@code version} counts publications, and {@code versions} keeps
 * the text of the last {@value #KEPT_VERSIONS} publications, so an entry unpublished or changed can be
 * published again as it was without retyping.
 */
final class KbRepository {

    static final String COLLECTION = KbCollections.ENTRIES.name();
    static final String IMPORTS = KbCollections.IMPORTS.name();
    static final int KEPT_VERSIONS = 50;

    private final MongoClient mongo;

    KbRepository(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** Whether the import named {@code marker} ran to its last entry (its marker is written after it). */
    Future<Boolean> imported(String marker) {
        return mongo.findOne(IMPORTS, new JsonObject().put("_id", marker), null).map(doc -> doc != null);
    }

    Future<Void> markImported(String marker, int entries, String by, Instant at) {
        return mongo.save(IMPORTS, new JsonObject().put("_id", marker).put("entries", entries).put("by", by)
                .put("at", MongoDocs.date(at))).mapEmpty();
    }

    /**
     * Publishes {@code yaml} as version 1 unless an entry with this id exists: one atomic write
     * ({@code $setOnInsert}), so an import resumed after a crash, or run by two instances at once,
     * never overwrites an entry (nor one an admin edited since) and never counts a version twice.
     *
     * @return whether the entry was added
     */
    Future<Boolean> importIfAbsent(String id, String yaml, String by, Instant at) {
        JsonObject published = new JsonObject().put("yaml", yaml).put("publishedBy", by).put("publishedAt", MongoDocs.date(at));
        JsonObject insert = new JsonObject().put("published", published).put("version", 1)
                .put("versions", new io.vertx.core.json.JsonArray().add(published.copy().put("version", 1)));
        return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", id),
                        new JsonObject().put("$setOnInsert", insert), new UpdateOptions().setUpsert(true))
                .map(result -> result != null && result.getDocUpsertedId() != null);
    }

    Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    Future<List<JsonObject>> all() {
        return mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1))
                .setFields(new JsonObject().put("versions", 0)));
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
        return publish(id, yaml, by, at, true);
    }

    /** Publishes {@code yaml} as the next version and keeps it in {@code versions}; a restore leaves the draft alone. */
    Future<Void> publish(String id, String yaml, String by, Instant at, boolean clearDraft) {
        JsonObject published = new JsonObject().put("yaml", yaml).put("publishedBy", by).put("publishedAt", MongoDocs.date(at));
        JsonObject set = new JsonObject().put("published", published);
        if (clearDraft) {
            set.putNull("draft");
        }
        return mongo.findOneAndUpdateWithOptions(COLLECTION, new JsonObject().put("_id", id),
                        new JsonObject().put("$set", set).put("$inc", new JsonObject().put("version", 1)),
                        new FindOptions().setFields(new JsonObject().put("version", 1)),
                        new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
                .compose(doc -> keep(id, doc.getInteger("version", 1), published));
    }

    /** Adds a published text to the kept versions (the oldest beyond {@value #KEPT_VERSIONS} drop out). */
    Future<Void> keep(String id, int version, JsonObject published) {
        JsonObject kept = published.copy().put("version", version);
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("$push",
                new JsonObject().put("versions", new JsonObject().put("$each", new io.vertx.core.json.JsonArray().add(kept))
                        .put("$slice", -KEPT_VERSIONS)))).mapEmpty();
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
