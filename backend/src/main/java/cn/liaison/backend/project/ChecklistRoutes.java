package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Supplier;

/**
 * <pre>
 *   GET  /api/v1/projects/{id}/checklist                    getProjectChecklist     全链条清单 (whoever may see the project)
 *   POST /api/v1/projects/{id}/checklist/{itemId}/start     startChecklistItem      申报: the deadline starts running
 *   POST /api/v1/projects/{id}/checklist/{itemId}/done      completeChecklistItem   办结: date + reference number
 * </pre>
 */
@Published
public final class ChecklistRoutes implements Routes {
    private final ChecklistService checklist;

    public ChecklistRoutes(ChecklistService checklist) {
        this.checklist = checklist;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("getProjectChecklist").addHandler(rc ->
                respond(rc, () -> checklist.checklist(rc.pathParam("id"), AuthHandler.principal(rc))));
        builder.getRoute("startChecklistItem").addHandler(rc -> respond(rc, () -> checklist.start(rc.pathParam("id"),
                rc.pathParam("itemId"), body(rc), AuthHandler.principal(rc))));
        builder.getRoute("completeChecklistItem").addHandler(rc -> respond(rc, () -> checklist.done(rc.pathParam("id"),
                rc.pathParam("itemId"), body(rc), AuthHandler.principal(rc))));
    }

    private static JsonObject body(RoutingContext rc) {
        return rc.body() == null || rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
    }

    private static void respond(RoutingContext rc, Supplier<Future<JsonObject>> result) {
        ProjectRoutes.call(result).onSuccess(rc::json).onFailure(e -> rc.fail(ProjectRoutes.translate(e)));
    }
}
