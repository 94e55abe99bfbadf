package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.store.IndexRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;

/**
 * Owner of {@code attachments} (one document per file: who, what, where it belongs) and
 * {@code attachment_chunks} (the bytes, in chunks of {@link #CHUNK_BYTES} whose {@code _id} is
 * {@code <file>/<variant>/<n>}). Every chunk is read by its exact {@code _id}, which the embedded
 * store serves from its index at any size — GridFS would look chunks up by {@code files_id}, a scan
 * there. The file document is written after all its chunks, so a file exists only once complete.
 */
final class AttachmentStore {

    static final String FILES = AttachmentCollections.ATTACHMENTS.name();
    static final String CHUNKS = "attachment_chunks";
    /** Under MongoDB's 16 MB document limit by far, and small enough to hold a few in memory. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** Files listed for one request or visit at most. */
    static final int MAX_LISTED = 200;

    private final MongoClient mongo;

    AttachmentStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    Future<Void> start() {
        return IndexRegistry.apply(mongo, AttachmentCollections.ATTACHMENTS);
    }

    static String chunkId(String fileId, String variant, int n) {
        return fileId + "/" + variant + "/" + n;
    }

    Future<Void> putChunk(String fileId, String variant, int n, byte[] bytes) {
        JsonObject doc = new JsonObject().put("_id", chunkId(fileId, variant, n))
                .put("data", new JsonObject().put("$binary", bytes));
        return mongo.save(CHUNKS, doc).mapEmpty();
    }

    Future<Buffer> chunk(String fileId, String variant, int n) {
        return mongo.findOne(CHUNKS, new JsonObject().put("_id", chunkId(fileId, variant, n)), null)
                .map(doc -> {
                    if (doc == null) {
                        throw new IllegalStateException("attachment chunk missing: " + chunkId(fileId, variant, n));
                    }
                    return Buffer.buffer(doc.getJsonObject("data").getBinary("$binary"));
                });
    }

    Future<Void> insert(JsonObject file) {
        return mongo.insert(FILES, file).mapEmpty();
    }

    Future<Optional<JsonObject>> file(String id) {
        return mongo.findOne(FILES, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
    }

    /** The files attached to a request ({@code requestId}) or a visit ({@code visitId}), oldest first. */
    Future<List<JsonObject>> listBy(String field, String id) {
        return mongo.findWithOptions(FILES, new JsonObject().put(field, id),
                new FindOptions().setSort(new JsonObject().put("createdAt", 1)).setLimit(MAX_LISTED));
    }
}
