package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;

import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * Staff administration (人员管理), for city admins and unit heads:
 *
 * <pre>
 *   GET   /api/v1/staff?q=&amp;unitId=&amp;role=&amp;active=&amp;cursor=&amp;limit=   listStaff
 *   POST  /api/v1/staff                      createStaff         → 201 {user, password}
 *   GET   /api/v1/staff/{id}                 getStaff
 *   PATCH /api/v1/staff/{id}                 updateStaff         {name?, roles?, unitId?, phone?, wecomUserId?, active?}
 *   POST  /api/v1/staff/{id}/password        resetStaffPassword  → {id, password}
 * </pre>
 */
public final class StaffRoutes implements Routes {

    private static final int DEFAULT_LIMIT = 50;

    private final StaffService staff;

    public StaffRoutes(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("listStaff").addHandler(this::list);
        builder.getRoute("createStaff").addHandler(rc -> reply(rc, 201, staff.create(admin(rc), rc.body().asJsonObject())));
        builder.getRoute("getStaff").addHandler(rc -> reply(rc, 200, staff.get(admin(rc), rc.pathParam("id"))));
        builder.getRoute("updateStaff").addHandler(rc ->
                reply(rc, 200, staff.update(admin(rc), rc.pathParam("id"), rc.body().asJsonObject())));
        builder.getRoute("resetStaffPassword").addHandler(rc -> reply(rc, 200, staff.resetPassword(admin(rc), rc.pathParam("id"))));
    }

    private void list(RoutingContext rc) {
        Principal me = admin(rc);
        String role = rc.queryParams().get("role");
        String active = rc.queryParams().get("active");
        String limit = rc.queryParams().get("limit");
        reply(rc, 200, staff.list(me, rc.queryParams().get("q"), rc.queryParams().get("unitId"),
                role == null ? null : Role.valueOf(role), active == null ? null : Boolean.valueOf(active),
                rc.queryParams().get("cursor"), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit)));
    }

    private static Principal admin(RoutingContext rc) {
        return AuthHandler.require(rc, Role.UNIT_HEAD, Role.CITY_ADMIN);
    }

    private static void reply(RoutingContext rc, int status, Future<JsonObject> result) {
        result.onSuccess(json -> rc.response().setStatusCode(status).putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Type", "application/json").end(json.encode()))
                .onFailure(rc::fail);
    }
}
