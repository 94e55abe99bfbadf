package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.net.URI;
import java.util.function.Supplier;

/**
 * 扫码入企 over HTTP; roles are checked by the contract's {@code x-roles}, scope here (404 outside it).
 * <pre>
 *   GET  /api/v1/inspection-items                       public: 涉企行政检查事项目录
 *   PUT/DELETE /api/v1/inspection-items/{itemId}        city admins
 *   GET/PUT /api/v1/inspection-limits                   staff read, city admins set (无事不扰)
 *   GET  /api/v1/enterprises/{id}/code, POST …/code/rotate   the enterprise code (PNGs: InspectionPages)
 *   POST /api/v1/inspections/scan                       staff: what a scanned code opens
 *   POST /api/v1/inspections, GET /api/v1/inspections   staff: plan, list
 *   GET  /api/v1/inspections/{id}; POST …/decision, …/record, …/follow-up, …/rating
 *   GET  /api/v1/me/inspections; POST /api/v1/me/inspection-invitations   the enterprise
 * </pre>
 */
final class InspectionRoutes implements Routes {

    private final InspectionCatalogue catalogue;
    private final Inspections inspections;
    private final EnterpriseInspections enterprise;
    private final InspectionStore store;
    private final java.util.Optional<String> publicBase;

    InspectionRoutes(InspectionCatalogue catalogue, Inspections inspections, EnterpriseInspections enterprise, InspectionStore store,
                     java.util.Optional<String> publicBase) {
        this.publicBase = publicBase;
        this.catalogue = catalogue;
        this.inspections = inspections;
        this.enterprise = enterprise;
        this.store = store;
    }

    @Override
    public void register(RouterBuilder b) {
        b.getRoute("listInspectionItems").addHandler(rc -> respond(rc, 200, () -> catalogue.items(false)));
        b.getRoute("putInspectionItem").addHandler(rc -> respond(rc, 200, () -> catalogue.put(rc.pathParam("itemId"), body(rc), who(rc))));
        b.getRoute("withdrawInspectionItem").addHandler(rc -> respond(rc, 200, () -> catalogue.withdraw(rc.pathParam("itemId"))));
        b.getRoute("getInspectionLimits").addHandler(rc -> respond(rc, 200, catalogue::limitsJson));
        b.getRoute("putInspectionLimits").addHandler(rc -> respond(rc, 200, () -> catalogue.putLimits(body(rc), who(rc))));
        b.getRoute("getEnterpriseCode").addHandler(rc -> respond(rc, 200,
                () -> enterprise.code(rc.pathParam("enterpriseId"), who(rc), origin(rc, publicBase))));
        b.getRoute("rotateEnterpriseCode").addHandler(rc -> respond(rc, 200,
                () -> enterprise.rotate(rc.pathParam("enterpriseId"), who(rc), origin(rc, publicBase))));
        b.getRoute("scanEnterpriseCode").addHandler(rc -> respond(rc, 200, () -> inspections.scan(body(rc).getString("code"), who(rc))));
        b.getRoute("planInspection").addHandler(rc -> respond(rc, 201, () -> inspections.plan(body(rc), who(rc))));
        b.getRoute("listInspections").addHandler(rc -> respond(rc, 200, () -> store.list(rc.queryParams().get("state"),
                rc.queryParams().get("enterpriseId"), who(rc))));
        b.getRoute("getInspection").addHandler(rc -> respond(rc, 200,
                () -> store.getFor(id(rc), who(rc)).map(d -> InspectionView.of(d, store.today()))));
        b.getRoute("decideInspectionOverCap").addHandler(rc -> respond(rc, 200, () -> inspections.decide(id(rc), body(rc), who(rc))));
        b.getRoute("recordInspection").addHandler(rc -> respond(rc, 200, () -> inspections.record(id(rc), body(rc), who(rc))));
        b.getRoute("followUpInspection").addHandler(rc -> respond(rc, 200, () -> inspections.followUp(id(rc), body(rc), who(rc))));
        b.getRoute("rateInspection").addHandler(rc -> respond(rc, 200, () -> enterprise.rate(id(rc), body(rc), who(rc))));
        b.getRoute("listMyInspections").addHandler(rc -> respond(rc, 200, () -> store.listOfEnterprise(who(rc).enterpriseId())));
        b.getRoute("inviteInspection").addHandler(rc -> respond(rc, 201, () -> inspections.invite(body(rc), who(rc))));
    }

    /**
     * Where the QR code points: {@code PUBLIC_BASE_URL} when set, else the scheme, host and port the
     * caller reached us by (a single office without a configured address).
     */
    static String origin(RoutingContext rc, java.util.Optional<String> publicBase) {
        if (publicBase.isPresent()) {
            String base = publicBase.get();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        URI uri = URI.create(rc.request().absoluteURI());
        String forwarded = rc.request().getHeader("X-Forwarded-Proto");
        String scheme = "https".equals(forwarded) ? "https" : uri.getScheme();
        return scheme + "://" + uri.getRawAuthority();
    }

    private static String id(RoutingContext rc) {
        return rc.pathParam("inspectionId");
    }

    private static JsonObject body(RoutingContext rc) {
        return rc.body().asJsonObject();
    }

    private static Principal who(RoutingContext rc) {
        return AuthHandler.principal(rc);
    }

    private static void respond(RoutingContext rc, int status, Supplier<Future<JsonObject>> action) {
        Future<JsonObject> result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(json -> rc.response().setStatusCode(status)).onSuccess(rc::json).onFailure(e -> rc.fail(translate(e)));
    }

    /** A date the contract's pattern lets through but the calendar does not have (2026-02-30) is bad input. */
    static Throwable translate(Throwable e) {
        return e instanceof java.time.DateTimeException ? ProblemException.invalid("日期或时间无效",
                java.util.List.of(new cn.liaison.backend.platform.http.FieldError("date", "不是有效的日期或时间"))) : e;
    }
}
