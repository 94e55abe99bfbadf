package cn.liaison.backend.attachment;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Sends a stored file chunk by chunk (one chunk in memory at a time, the next read once the last
 * was written). Photos are shown inline; every other kind downloads as an attachment, and no
 * browser may guess a type other than the one the content was found to be.
 */
final class Downloads {

    private final AttachmentStore store;

    Downloads(AttachmentStore store) {
        this.store = store;
    }

    Future<Void> send(HttpServerResponse response, JsonObject file, boolean phone) {
        FileKind kind = FileKind.valueOf(file.getString("kind"));
        boolean shrunk = phone && file.containsKey("phone");
        String variant = shrunk ? "phone" : "original";
        JsonObject sizes = shrunk ? file.getJsonObject("phone") : file;
        int chunks = sizes.getInteger("chunks");
        response.putHeader("Content-Type", kind.mediaType())
                .putHeader("Content-Length", String.valueOf(sizes.getLong("size")))
                .putHeader("Content-Disposition", FileNames.disposition(kind.isImage() ? "inline" : "attachment",
                        file.getString("name"), kind))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                .putHeader("Cache-Control", "private, max-age=3600");
        Future<Void> chain = Future.succeededFuture();
        String id = file.getString("_id");
        for (int n = 0; n < chunks; n++) {
            int index = n;
            chain = chain.compose(v -> store.chunk(id, variant, index)).compose(response::write);
        }
        return chain.compose(v -> response.end());
    }
}
