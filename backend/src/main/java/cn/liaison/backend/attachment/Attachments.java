package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files on requests (the enterprise's photos and documents, staff's files with a reply) and on site
 * visits: checked, shrunk for phones, stored in chunks, then recorded — the 201 is sent only after
 * the record is written, so an acknowledged file survives a crash.
 */
final class Attachments {

    /** Files one request or visit holds at most. */
    static final int MAX_FILES = 30;

    /** What a file is attached to. */
    enum On {
        REQUEST("企业补充材料"), REPLY("办理答复附件"), SITE_VISIT("现场服务附件");

        final String label;

        On(String label) {
            this.label = label;
        }
    }

    /** Where a new file goes: the owning request or visit, named by its field. */
    record Target(On on, String field, String id, String projectId) {
    }

    private final AttachmentStore store;
    private final WorkerExecutor blocking;
    private final Clock clock;

    Attachments(AttachmentStore store, WorkerExecutor blocking, Clock clock) {
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Checks, stores and records the file in {@code temp} (deleted afterwards in every case). */
    Future<JsonObject> save(Target target, Path temp, String name, Principal who) {
        return blocking.executeBlocking(() -> StoredFile.inspect(temp), false)
                .compose(file -> store.listBy(target.field(), target.id())
                        .compose(existing -> {
                            if (existing.size() >= MAX_FILES) {
                                throw ProblemException.conflict("每件最多 " + MAX_FILES + " 个附件");
                            }
                            return write(target, file, name, who);
                        })
                        .onComplete(done -> blocking.executeBlocking(() -> {
                            file.deleteQuietly();
                            return null;
                        }, false)))
                .onFailure(e -> temp.toFile().delete());
    }

    private Future<JsonObject> write(Target target, StoredFile file, String name, Principal who) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Future<Void> chunks = copy(id, "original", file.original(), file.size());
        if (file.phone().isPresent()) {
            chunks = chunks.compose(v -> copy(id, "phone", file.phone().get(), file.phoneSize()));
        }
        JsonObject doc = new JsonObject().put("_id", id).put("on", target.on().name())
                .put(target.field(), target.id()).put("projectId", target.projectId())
                .put("name", FileNames.clean(name, file.kind(), now)).put("kind", file.kind().name())
                .put("mediaType", file.kind().mediaType()).put("size", file.size())
                .put("chunks", StoredFile.chunks(file.size()))
                .put("width", file.width()).put("height", file.height())
                .put("uploadedBy", new JsonObject().put("id", who.userId()).put("name", who.name())
                        .put("role", mainRole(who).name()))
                .put("createdAt", MongoDocs.date(now));
        if (file.phone().isPresent()) {
            doc.put("phone", new JsonObject().put("size", file.phoneSize()).put("chunks", StoredFile.chunks(file.phoneSize()))
                    .put("width", file.phoneWidth()).put("height", file.phoneHeight()));
        }
        return chunks.compose(v -> store.insert(doc)).map(v -> toApi(doc));
    }

    private Future<Void> copy(String id, String variant, Path file, long size) {
        Future<Void> chain = Future.succeededFuture();
        for (int n = 0; n < StoredFile.chunks(size); n++) {
            int index = n;
            chain = chain.compose(v -> blocking.executeBlocking(() -> StoredFile.readChunk(file, index), false))
                    .compose(bytes -> store.putChunk(id, variant, index, bytes));
        }
        return chain;
    }

    Future<JsonObject> list(String field, String id) {
        return store.listBy(field, id).map(files -> {
            JsonArray items = new JsonArray();
            files.forEach(f -> items.add(toApi(f)));
            return new JsonObject().put("items", items);
        });
    }

    static JsonObject toApi(JsonObject doc) {
        On on = On.valueOf(doc.getString("on"));
        FileKind kind = FileKind.valueOf(doc.getString("kind"));
        String url = "/api/v1/attachments/" + doc.getString("_id");
        JsonObject who = doc.getJsonObject("uploadedBy", new JsonObject());
        JsonObject out = new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name"))
                .put("on", on.name()).put("onLabel", on.label).put("kind", kind.name()).put("kindLabel", kind.label())
                .put("mediaType", kind.mediaType()).put("size", doc.getLong("size")).put("image", kind.isImage())
                .put("uploadedBy", new JsonObject().put("name", who.getString("name"))
                        .put("roleLabel", Role.valueOf(who.getString("role", "ENTERPRISE")).label()))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("createdAt"))))
                .put("url", url);
        if (kind.isImage()) {
            out.put("width", doc.getInteger("width")).put("height", doc.getInteger("height"))
                    .put("phoneUrl", doc.containsKey("phone") ? url + "?size=phone" : url);
        }
        return out;
    }

    private static Role mainRole(Principal who) {
        for (Role role : List.of(Role.CITY_ADMIN, Role.UNIT_HEAD, Role.LIAISON, Role.AGENT, Role.ENTERPRISE)) {
            if (who.has(role)) {
                return role;
            }
        }
        return Role.ENTERPRISE;
    }

    /** Unknown id: 404, like a file of a request the person cannot see. */
    Future<JsonObject> file(String id) {
        return store.file(id).map(found -> found.orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "附件不存在")));
    }
}
