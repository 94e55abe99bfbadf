package cn.liaison.backend.canned;

import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 常用语: short texts staff insert into replies. A personal one belongs to its author; a unit's is
 * used by everyone in that unit and the units below it, and kept by the unit's heads (or city
 * admins). Nobody sees another person's personal texts or another branch's unit texts (404).
 */
final class CannedReplies {

    static final String COLLECTION = CannedCollections.CANNED_REPLIES.name();
    static final int MAX_PER_OWNER = 100;

    private final MongoClient mongo;
    private final UnitDirectory units;
    private final Clock clock;

    CannedReplies(MongoClient mongo, UnitDirectory units, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    Future<Void> start() {
        return IndexRegistry.apply(mongo, CannedCollections.CANNED_REPLIES);
    }

    /** The caller's personal texts, then those of their unit and the units above it (nearest first). */
    Future<JsonArray> usable(Principal who) {
        return chain(who.unitId()).compose(chain -> {
            Future<List<JsonObject>> mine = mongo.findWithOptions(COLLECTION, new JsonObject().put("ownerId", who.userId()),
                    new FindOptions().setSort(new JsonObject().put("title", 1)).setLimit(MAX_PER_OWNER));
            Future<List<JsonObject>> shared = chain.isEmpty() ? Future.succeededFuture(List.of())
                    : mongo.findWithOptions(COLLECTION, new JsonObject().put("unitId", new JsonObject().put("$in", new JsonArray(chain))),
                    new FindOptions().setSort(new JsonObject().put("title", 1)).setLimit(MAX_PER_OWNER * chain.size()));
            return Future.all(mine, shared).compose(done -> names().map(names -> {
                JsonArray out = new JsonArray();
                mine.result().forEach(d -> out.add(api(d, names)));
                shared.result().stream().sorted(java.util.Comparator.comparingInt(d -> chain.indexOf(d.getString("unitId"))))
                        .forEach(d -> out.add(api(d, names)));
                return out;
            }));
        });
    }

    Future<JsonObject> create(Principal who, JsonObject body) {
        boolean personal = "PERSONAL".equals(body.getString("scope"));
        String unitId = personal ? null : body.getString("unitId", who.unitId());
        Future<Void> allowed = personal ? Future.succeededFuture() : mayKeep(who, unitId).compose(ok -> ok
                ? Future.succeededFuture()
                : Future.failedFuture(ProblemException.of(ProblemType.FORBIDDEN, "只有本单位（或上级单位）的负责人可以维护单位常用语")));
        JsonObject owner = personal ? new JsonObject().put("ownerId", who.userId()) : new JsonObject().put("unitId", unitId);
        JsonObject doc = owner.copy().put("_id", UUID.randomUUID().toString()).put("title", body.getString("title").strip())
                .put("text", body.getString("text").strip()).put("createdBy", who.name())
                .put("updatedAt", MongoDocs.date(clock.instant()));
        return allowed.compose(v -> mongo.count(COLLECTION, owner)).compose(n -> n >= MAX_PER_OWNER
                        ? Future.failedFuture(ProblemException.of(ProblemType.CONFLICT, "常用语已达 " + MAX_PER_OWNER + " 条上限，请先删除不用的"))
                        : mongo.insert(COLLECTION, doc))
                .compose(id -> names()).map(names -> api(doc, names));
    }

    Future<JsonObject> update(Principal who, String id, JsonObject body) {
        return kept(who, id).compose(doc -> {
            JsonObject set = new JsonObject().put("title", body.getString("title").strip()).put("text", body.getString("text").strip())
                    .put("updatedAt", MongoDocs.date(clock.instant()));
            return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("$set", set))
                    .compose(r -> names()).map(names -> api(doc.mergeIn(set), names));
        });
    }

    Future<Void> delete(Principal who, String id) {
        return kept(who, id).compose(doc -> mongo.removeDocument(COLLECTION, new JsonObject().put("_id", id))).mapEmpty();
    }

    /** The text if the caller may change it; 404 when it is not theirs to see, 403 when only to use. */
    private Future<JsonObject> kept(Principal who, String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).compose(doc -> {
            if (doc != null && who.userId().equals(doc.getString("ownerId"))) {
                return Future.succeededFuture(doc);
            }
            if (doc == null || doc.getString("unitId") == null) {
                return Future.failedFuture(ProblemException.notFound("常用语不存在"));
            }
            return chain(who.unitId()).compose(chain -> mayKeep(who, doc.getString("unitId")).compose(keeps -> keeps
                    ? Future.succeededFuture(doc)
                    : Future.failedFuture(chain.contains(doc.getString("unitId"))
                            ? ProblemException.of(ProblemType.FORBIDDEN, "只有单位负责人可以修改单位常用语")
                            : ProblemException.notFound("常用语不存在"))));
        });
    }

    /** City admins keep every unit's texts; a unit head those of the units in their tree. */
    private Future<Boolean> mayKeep(Principal who, String unitId) {
        if (unitId == null) {
            return Future.failedFuture(ProblemException.invalid("请指定单位", List.of(new FieldError("unitId", "不能为空"))));
        }
        Future<Boolean> exists = units.find(unitId).map(Optional::isPresent);
        return exists.compose(known -> {
            if (!known) {
                return Future.failedFuture(ProblemException.invalid("单位不存在", List.of(new FieldError("unitId", "单位不存在"))));
            }
            if (who.roles().contains(Role.CITY_ADMIN)) {
                return Future.succeededFuture(true);
            }
            return who.roles().contains(Role.UNIT_HEAD) && who.unitId() != null
                    ? units.subtreeIds(who.unitId()).map(tree -> tree.contains(unitId)) : Future.succeededFuture(false);
        });
    }

    /** The unit and the units above it, nearest first. */
    private Future<List<String>> chain(String unitId) {
        if (unitId == null) {
            return Future.succeededFuture(List.of());
        }
        return units.all().map(all -> {
            Map<String, Unit> byId = new HashMap<>();
            all.forEach(u -> byId.put(u.id(), u));
            List<String> chain = new ArrayList<>();
            for (Unit u = byId.get(unitId); u != null && !chain.contains(u.id()); u = u.parentId() == null ? null : byId.get(u.parentId())) {
                chain.add(u.id());
            }
            return chain;
        });
    }

    private Future<Map<String, String>> names() {
        return units.all().map(all -> {
            Map<String, String> names = new HashMap<>();
            all.forEach(u -> names.put(u.id(), u.name()));
            return names;
        });
    }

    private static JsonObject api(JsonObject doc, Map<String, String> unitNames) {
        boolean personal = doc.getString("ownerId") != null;
        JsonObject out = new JsonObject().put("id", doc.getString("_id")).put("scope", personal ? "PERSONAL" : "UNIT")
                .put("scopeLabel", personal ? "个人" : "单位").put("title", doc.getString("title")).put("text", doc.getString("text"))
                .put("updatedAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("updatedAt"))));
        if (!personal) {
            out.put("unitId", doc.getString("unitId")).put("unitName", unitNames.getOrDefault(doc.getString("unitId"), doc.getString("unitId")));
        }
        return out;
    }
}
