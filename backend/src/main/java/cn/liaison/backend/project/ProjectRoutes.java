package cn.liaison.backend.project;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * <pre>
 *   POST  /api/v1/projects                     createProject      enterprises (own), staff (their area)
 *   GET   /api/v1/projects                     listProjects       the library within scope, newest first
 *   GET   /api/v1/projects/{id}                getProject
 *   PATCH /api/v1/projects/{id}                updateProject      fields by role; stage changes recorded
 *   GET   /api/v1/projects/{id}/policies       getProjectPolicies matches explained (免申即享)
 *   (GET /api/v1/projects/{id}/card.png: a raw route, see ProjectCardRoutes)
 *   POST  /api/v1/projects/{id}/visits         logSiteVisit       现场服务 (staff)
 *   GET   /api/v1/projects/{id}/visits         listSiteVisits
 * </pre>
 */
public final class ProjectRoutes implements Routes {

    private static final List<String> FILTERS = List.of("district", "parkId", "kind", "stage", "landUse", "enterpriseId",
            "liaisonId", "leaderId", "q", "major", "dueNotApplied");

    private final ProjectModule module;

    public ProjectRoutes(ProjectModule module) {
        this.module = module;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("createProject").addHandler(this::create);
        builder.getRoute("listProjects").addHandler(this::list);
        builder.getRoute("getProject").addHandler(rc -> respond(rc, () -> module.service().get(id(rc), who(rc))));
        builder.getRoute("updateProject").addHandler(rc ->
                respond(rc, () -> module.service().update(id(rc), rc.body().asJsonObject(), who(rc))));
        builder.getRoute("getProjectPolicies").addHandler(rc -> respond(rc, () -> module.policies(id(rc), who(rc))));
        builder.getRoute("logSiteVisit").addHandler(rc -> {
            rc.response().setStatusCode(201);
            respond(rc, () -> module.visits().log(id(rc), rc.body().asJsonObject(), who(rc)));
        });
        builder.getRoute("listSiteVisits").addHandler(rc -> respond(rc, () -> module.visits().list(id(rc), who(rc))));
    }

    private void create(RoutingContext rc) {
        call(() -> module.service().create(rc.body().asJsonObject(), who(rc)))
                .onSuccess(project -> rc.response().setStatusCode(201)
                        .putHeader("Location", "/api/v1/projects/" + project.getString("id")))
                .onSuccess(rc::json)
                .onFailure(e -> rc.fail(translate(e)));
    }

    private void list(RoutingContext rc) {
        Map<String, String> params = new HashMap<>();
        FILTERS.forEach(name -> {
            String value = rc.queryParams().get(name);
            if (value != null) {
                params.put(name, value);
            }
        });
        String limit = rc.queryParams().get("limit");
        respond(rc, () -> module.list().page(params, rc.queryParams().get("cursor"), limit == null ? 50 : Integer.parseInt(limit), who(rc)));
    }

    private static String id(RoutingContext rc) {
        return rc.pathParam("id");
    }

    private static Principal who(RoutingContext rc) {
        return AuthHandler.principal(rc);
    }

    private static void respond(RoutingContext rc, Supplier<Future<JsonObject>> result) {
        call(result).onSuccess(rc::json).onFailure(e -> rc.fail(translate(e)));
    }

    /** Input checks may throw before a future exists: those become failed futures too. */
    static <T> Future<T> call(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Domain failures → problem+json. */
    static Throwable translate(Throwable e) {
        if (e instanceof ProjectRuleViolation v) {
            return ProblemException.invalid(v.getMessage(), List.of(new FieldError(v.field(), v.getMessage())));
        }
        if (e instanceof ProjectAccessDenied d) {
            return new ProblemException(Problem.of(ProblemType.FORBIDDEN, d.getMessage(),
                    d.fields().stream().map(f -> new FieldError(f, "无权设置")).toList()));
        }
        if (e instanceof ProjectNotFound n) {
            return ProblemException.notFound(n.getMessage());
        }
        if (e instanceof ProjectService.ProjectConflict c) {
            return ProblemException.conflict(c.getMessage());
        }
        return e;
    }
}
