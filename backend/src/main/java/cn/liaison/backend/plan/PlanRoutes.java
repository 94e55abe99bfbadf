package cn.liaison.backend.plan;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Supplier;

/**
 * <pre>
 *   POST /api/v1/plans                               createServicePlan   staff of the project / enterprise's area
 *   GET  /api/v1/plans?status=&amp;cursor=&amp;limit=     listServicePlans    within scope, newest first, by pages
 *   GET  /api/v1/plans/{id}                          getServicePlan      (the enterprise's progress view too)
 *   POST /api/v1/plans/{id}/steps                    addServicePlanStep
 *   POST /api/v1/plans/{id}/steps/{stepId}/state     setServicePlanStepState
 *   POST /api/v1/plans/{id}/visits                   logServicePlanVisit 陪跑
 *   POST /api/v1/plans/{id}/confirm                  confirmServicePlan  the enterprise
 *   POST /api/v1/plans/{id}/rate                     rateServicePlan     the enterprise
 * </pre>
 */
final class PlanRoutes implements Routes {

    private final PlanService plans;
    private final PlanProgress progress;

    PlanRoutes(PlanService plans, PlanProgress progress) {
        this.plans = plans;
        this.progress = progress;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("createServicePlan").addHandler(rc -> {
            rc.response().setStatusCode(201);
            respond(rc, () -> plans.create(body(rc), who(rc)));
        });
        builder.getRoute("listServicePlans").addHandler(rc -> {
            String limit = rc.queryParams().get("limit");
            respond(rc, () -> plans.list(rc.queryParams().get("status"), rc.queryParams().get("cursor"),
                    limit == null ? 50 : Integer.parseInt(limit), who(rc)));
        });
        builder.getRoute("getServicePlan").addHandler(rc -> respond(rc, () -> plans.get(id(rc), who(rc))));
        builder.getRoute("addServicePlanStep").addHandler(rc -> respond(rc, () -> progress.addStep(id(rc), body(rc), who(rc))));
        builder.getRoute("setServicePlanStepState").addHandler(rc ->
                respond(rc, () -> progress.updateStep(id(rc), rc.pathParam("stepId"), body(rc), who(rc))));
        builder.getRoute("logServicePlanVisit").addHandler(rc -> {
            rc.response().setStatusCode(201);
            respond(rc, () -> progress.logVisit(id(rc), body(rc), who(rc)));
        });
        builder.getRoute("confirmServicePlan").addHandler(rc -> respond(rc, () -> progress.confirm(id(rc), who(rc))));
        builder.getRoute("rateServicePlan").addHandler(rc -> respond(rc, () -> progress.rate(id(rc), body(rc), who(rc))));
    }

    private static JsonObject body(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        return body == null ? new JsonObject() : body;
    }

    private static String id(RoutingContext rc) {
        return rc.pathParam("id");
    }

    private static Principal who(RoutingContext rc) {
        return AuthHandler.principal(rc);
    }

    private static void respond(RoutingContext rc, Supplier<Future<JsonObject>> result) {
        Future<JsonObject> future;
        try {
            future = result.get();
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        future.onSuccess(rc::json).onFailure(rc::fail);
    }
}
