package cn.liaison.backend.kb;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;

/**
 * City admins edit the knowledge base: drafts are validated like content files; publishing makes a
 * draft live on this instance before it answers, then tells the other instances.
 */
final class KbAdmin {

    private final KbRepository entries;
    private final KbService kb;
    private final KbSync sync;
    private final Clock clock;

    KbAdmin(KbRepository entries, KbService kb, KbSync sync, Clock clock) {
        this.entries = entries;
        this.kb = kb;
        this.sync = sync;
        this.clock = clock;
    }

    Future<JsonArray> list() {
        return entries.all().map(docs -> {
            JsonArray rows = new JsonArray();
            docs.forEach(doc -> rows.add(summary(doc)));
            return rows;
        });
    }

    Future<JsonObject> get(String id) {
        return entries.find(id).map(found -> found.map(KbAdmin::detail)
                .orElseThrow(() -> ProblemException.notFound("条目 " + id + " 不存在")));
    }

    /** Saves a draft given as the entry's fields (the YAML file's keys); 400 naming the problems when invalid. */
    Future<JsonObject> saveDraft(String id, JsonObject fields, String by) {
        if (!id.equals(fields.getString("id"))) {
            throw ProblemException.invalid("条目 id 与地址不一致", List.of(new cn.liaison.backend.platform.http.FieldError("id", "应为 " + id)));
        }
        String yaml = fields.encodePrettily();
        return kb.check(id, yaml)
                .compose(valid -> entries.saveDraft(id, yaml, by, clock.instant()))
                .compose(v -> get(id));
    }

    Future<JsonObject> publish(String id, String by) {
        return entries.find(id).compose(found -> {
            JsonObject doc = found.orElseThrow(() -> ProblemException.notFound("条目 " + id + " 不存在"));
            JsonObject draft = doc.getJsonObject("draft");
            if (draft == null) {
                throw ProblemException.conflict("条目 " + id + " 没有待发布的草稿");
            }
            return kb.check(id, draft.getString("yaml"))
                    .compose(valid -> entries.publish(id, draft.getString("yaml"), by, clock.instant()));
        }).compose(v -> live()).compose(v -> get(id));
    }

    Future<JsonObject> unpublish(String id, String by) {
        return entries.find(id).compose(found -> {
            JsonObject doc = found.orElseThrow(() -> ProblemException.notFound("条目 " + id + " 不存在"));
            JsonObject published = doc.getJsonObject("published");
            if (published == null) {
                throw ProblemException.conflict("条目 " + id + " 未发布");
            }
            // Published before versions were kept: keep this text first, so unpublishing never loses it.
            boolean kept = doc.getJsonArray("versions", new JsonArray()).stream()
                    .anyMatch(v -> ((JsonObject) v).getInteger("version", -1) == doc.getInteger("version", 0));
            return (kept ? Future.<Void>succeededFuture() : entries.keep(id, doc.getInteger("version", 0), published))
                    .compose(v -> entries.unpublish(id, by, clock.instant()));
        }).compose(v -> live()).compose(v -> get(id));
    }

    /** Publishes a kept version again as the next version (checked against today's catalogue); the draft stays. */
    Future<JsonObject> restore(String id, int version, String by) {
        return entries.find(id).compose(found -> {
            JsonObject doc = found.orElseThrow(() -> ProblemException.notFound("条目 " + id + " 不存在"));
            String yaml = doc.getJsonArray("versions", new JsonArray()).stream().map(JsonObject.class::cast)
                    .filter(v -> v.getInteger("version", -1) == version).map(v -> v.getString("yaml")).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("条目 " + id + " 没有保存第 " + version + " 版"));
            return kb.check(id, yaml).compose(valid -> entries.publish(id, yaml, by, clock.instant(), false));
        }).compose(v -> live()).compose(v -> get(id));
    }

    /** This instance first (so its next answer sees the change), then everyone else. */
    private Future<Void> live() {
        return kb.reindex().compose(v -> sync.announce());
    }

    private static JsonObject summary(JsonObject doc) {
        JsonObject published = doc.getJsonObject("published");
        JsonObject draft = doc.getJsonObject("draft");
        return new JsonObject()
                .put("id", doc.getString("_id"))
                .put("version", doc.getInteger("version", 0))
                .put("published", published != null)
                .put("publishedAt", published == null ? null : MongoDocs.apiTime(MongoDocs.instant(published.getValue("publishedAt"))))
                .put("hasDraft", draft != null)
                .put("draftUpdatedAt", draft == null ? null : MongoDocs.apiTime(MongoDocs.instant(draft.getValue("updatedAt"))));
    }

    private static JsonObject detail(JsonObject doc) {
        JsonObject out = summary(doc);
        JsonObject published = doc.getJsonObject("published");
        JsonObject draft = doc.getJsonObject("draft");
        out.put("publishedText", published == null ? null : published.getString("yaml"));
        out.put("draftText", draft == null ? null : draft.getString("yaml"));
        JsonArray versions = new JsonArray();
        JsonArray kept = doc.getJsonArray("versions", new JsonArray());
        for (int i = kept.size() - 1; i >= 0; i--) {
            JsonObject v = kept.getJsonObject(i);
            versions.add(new JsonObject().put("version", v.getInteger("version")).put("publishedBy", v.getString("publishedBy"))
                    .put("publishedAt", MongoDocs.apiTime(MongoDocs.instant(v.getValue("publishedAt"))))
                    .put("text", v.getString("yaml")));
        }
        out.put("versions", versions);
        return out;
    }
}
