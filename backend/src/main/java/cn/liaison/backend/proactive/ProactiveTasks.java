package cn.liaison.backend.proactive;

import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The liaison's proactive tasks: listed within scope (a liaison its own and its unit's, a unit
 * head its unit and below, a city admin all) and closed with a note — saying whether the
 * enterprise was contacted, which counts against the monthly limit.
 */
final class ProactiveTasks {

    private final ProactiveStore store;
    private final CheckIns checkIns;
    private final UnitDirectory units;
    private final Clock clock;

    ProactiveTasks(ProactiveStore store, CheckIns checkIns, UnitDirectory units, Clock clock) {
        this.store = store;
        this.checkIns = checkIns;
        this.units = units;
        this.clock = clock;
    }

    Future<JsonObject> list(String status, int limit, Principal who) {
        // the status as an $in (both when none is asked): each branch of the scope's $or then has an
        // index {field, status, createdAt} walked newest first, and a page reads about what it shows
        JsonArray statuses = status == null ? new JsonArray().add("OPEN").add("DONE") : new JsonArray().add(status);
        return scope(who).compose(scope -> {
            JsonArray and = new JsonArray();
            if (!scope.isEmpty()) {
                and.add(scope);
            }
            JsonObject query = new JsonObject().put("$and", and.add(new JsonObject().put("status", new JsonObject().put("$in", statuses))));
            return store.find(query, limit);
        }).map(docs -> {
            JsonArray items = new JsonArray();
            docs.forEach(d -> items.add(toApi(d)));
            return new JsonObject().put("items", items);
        });
    }

    Future<JsonObject> done(String id, JsonObject body, Principal who) {
        String note = body.getString("note") == null ? "" : body.getString("note").strip();
        if (note.isEmpty()) {
            throw ProblemException.invalid("请填写对接情况", List.of(new FieldError("note", "请填写对接情况")));
        }
        boolean contacted = body.getBoolean("contacted", false);
        Instant now = clock.instant();
        return Future.all(store.find(id), scope(who)).compose(all -> {
            java.util.Optional<JsonObject> task = all.resultAt(0);
            JsonObject scope = all.resultAt(1);
            if (task.isEmpty() || !visible(task.get(), who, scope)) {
                return Future.failedFuture(ProblemException.notFound("任务不存在"));
            }
            JsonObject set = new JsonObject().put("status", "DONE").put("doneAt", MongoDocs.date(now)).put("note", note)
                    .put("contacted", contacted).put("doneBy", new JsonObject().put("id", who.userId()).put("name", who.name()));
            return store.markDone(id, set).compose(updated -> {
                if (updated.isEmpty()) {
                    return Future.failedFuture(ProblemException.conflict("任务已完成"));
                }
                Future<Void> contact = contacted ? checkIns.logged(updated.get(), who.userId(), now) : Future.succeededFuture();
                return contact.map(v -> toApi(updated.get()));
            });
        });
    }

    /** The scope as a filter; the in-memory check mirrors it. */
    private Future<JsonObject> scope(Principal who) {
        if (who.has(Role.CITY_ADMIN)) {
            return Future.succeededFuture(new JsonObject());
        }
        Future<Set<String>> supervised = who.has(Role.UNIT_HEAD) && who.unitId() != null ? units.subtreeIds(who.unitId())
                : Future.succeededFuture(Set.of());
        return supervised.map(ids -> {
            JsonArray or = new JsonArray().add(new JsonObject().put("liaisonId", who.userId()));
            if (who.has(Role.LIAISON) && who.unitId() != null) {
                or.add(new JsonObject().put("district", who.unitId())).add(new JsonObject().put("parkId", who.unitId()));
            }
            if (!ids.isEmpty()) {
                JsonArray list = new JsonArray(List.copyOf(ids));
                or.add(new JsonObject().put("district", new JsonObject().put("$in", list)))
                        .add(new JsonObject().put("parkId", new JsonObject().put("$in", list)));
            }
            return new JsonObject().put("$or", or);
        });
    }

    private static boolean visible(JsonObject task, Principal who, JsonObject scope) {
        if (scope.isEmpty() || who.userId().equals(task.getString("liaisonId"))) {
            return true;
        }
        for (Object o : scope.getJsonArray("$or")) {
            JsonObject clause = (JsonObject) o;
            for (String field : List.of("district", "parkId")) {
                Object want = clause.getValue(field);
                String have = task.getString(field);
                if (have != null && (have.equals(want) || want instanceof JsonObject in && in.getJsonArray("$in").contains(have))) {
                    return true;
                }
            }
        }
        return false;
    }

    static JsonObject toApi(JsonObject d) {
        String kind = d.getString("kind");
        JsonObject out = new JsonObject().put("id", d.getString("_id")).put("kind", kind)
                .put("kindLabel", switch (kind) {
                    case "STAGE" -> "进入新阶段";
                    case "DEADLINE" -> "事项临近到期";
                    default -> "长期未联系";
                })
                .put("projectId", d.getString("projectId")).put("projectName", d.getString("projectName"))
                .put("enterpriseId", d.getString("enterpriseId")).put("liaisonId", d.getString("liaisonId"))
                .put("reason", d.getString("reason")).put("ask", d.getJsonArray("ask"))
                .put("status", d.getString("status")).put("statusLabel", "DONE".equals(d.getString("status")) ? "已对接" : "待对接")
                .put("checkIn", d.getJsonObject("checkIn"))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(d.getValue("createdAt"))));
        if (d.getValue("doneAt") != null) {
            out.put("doneAt", MongoDocs.apiTime(MongoDocs.instant(d.getValue("doneAt")))).put("note", d.getString("note"))
                    .put("contacted", d.getBoolean("contacted", false));
        }
        return out;
    }
}
