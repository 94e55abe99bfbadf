package cn.liaison.backend.project;

import cn.liaison.backend.platform.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code GET /api/v1/projects}: the library filtered, newest first, within the person's scope. */
final class ProjectList {

    /** Query parameters that filter by equality on the stored field of the same meaning. */
    private static final Map<String, String> EXACT = Map.of("district", "district", "parkId", "parkId", "kind", "kind",
            "stage", "stage", "landUse", "landUse", "enterpriseId", "enterpriseId", "liaisonId", "liaisonId",
            "leaderId", "leaderId");

    private final ProjectService projects;
    private final ProjectStore store;

    ProjectList(ProjectService projects, ProjectStore store) {
        this.projects = projects;
        this.store = store;
    }

    /**
     * @param params query parameters, already checked by the contract
     * @param cursor the last id of the previous page
     */
    Future<JsonObject> page(Map<String, String> params, String cursor, int limit, Principal who) {
        return projects.scopeOf(who).compose(scope -> {
            JsonArray and = new JsonArray().add(scope.filter());
            EXACT.forEach((param, field) -> {
                String value = params.get(param);
                if (value != null) {
                    and.add(new JsonObject().put(field, value));
                }
            });
            if (params.get("q") != null) {
                and.add(new JsonObject().put("name", new JsonObject().put("$regex", Pattern.quote(params.get("q")))));
            }
            if ("true".equals(params.get("major"))) {
                and.add(new JsonObject().put("kind", new JsonObject().put("$in",
                        new JsonArray(java.util.Arrays.stream(ProjectKind.values()).filter(ProjectKind::isMajor).map(Enum::name).toList()))));
            }
            if ("true".equals(params.get("dueNotApplied"))) {
                and.add(new JsonObject().put("policyMatches", new JsonObject().put("$elemMatch",
                        new JsonObject().put("dueNotApplied", true).put("active", true))));
            }
            if (cursor != null) {
                and.add(new JsonObject().put("_id", new JsonObject().put("$lt", cursor)));
            }
            return store.find(new JsonObject().put("$and", and), new JsonObject().put("_id", -1), limit + 1);
        }).compose(docs -> projects.renderAll(docs.subList(0, Math.min(limit, docs.size()))).map(rendered -> {
            JsonObject out = new JsonObject().put("items", new JsonArray(new java.util.ArrayList<>(rendered)));
            if (docs.size() > limit) {
                out.put("nextCursor", docs.get(limit - 1).getString("_id"));
            }
            return out;
        }));
    }
}
