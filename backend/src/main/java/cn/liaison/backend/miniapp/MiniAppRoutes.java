package cn.liaison.backend.miniapp;

import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.identity.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * <pre>
 *   POST /api/v1/auth/wechat                          wechatLogin               public: {code} → token
 *   GET  /api/v1/me/enterprise                        getMyEnterprise           binding state (+ fresh token once bound)
 *   POST /api/v1/me/enterprise                        requestEnterpriseBinding  {creditCode, name, contactName, phone}
 *   GET  /api/v1/enterprise-bindings                  listEnterpriseBindings    pending, unit head / city admin
 *   POST /api/v1/enterprise-bindings/{id}/approve     approveEnterpriseBinding  {note?, districtUnitId?}
 *   POST /api/v1/enterprise-bindings/{id}/reject      rejectEnterpriseBinding   {note?}
 * </pre>
 */
public final class MiniAppRoutes implements Routes {

    private final WechatLogin login;
    private final EnterpriseBindings bindings;
    private final WechatUsers users;
    private final Tokens tokens;

    public MiniAppRoutes(WechatLogin login, EnterpriseBindings bindings, WechatUsers users, Tokens tokens) {
        this.login = login;
        this.bindings = bindings;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("wechatLogin").addHandler(rc -> reply(rc, 200, login.login(rc.body().asJsonObject().getString("code"))));
        builder.getRoute("getMyEnterprise").addHandler(this::mine);
        builder.getRoute("requestEnterpriseBinding").addHandler(rc -> reply(rc, 201,
                bindings.request(AuthHandler.principal(rc), rc.body().asJsonObject())));
        builder.getRoute("listEnterpriseBindings").addHandler(rc -> reply(rc, 200,
                bindings.pending(AuthHandler.principal(rc))
                        .map(items -> new JsonObject().put("items", items))));
        builder.getRoute("approveEnterpriseBinding").addHandler(rc -> decide(rc, true));
        builder.getRoute("rejectEnterpriseBinding").addHandler(rc -> decide(rc, false));
    }

    private void mine(RoutingContext rc) {
        Principal me = AuthHandler.principal(rc);
        Future<JsonObject> result = users.principalOf(me.userId()).compose(current -> bindings.mine(me).compose(binding -> {
            Principal now = current.orElse(me);
            JsonObject out = new JsonObject().put("enterpriseId", now.enterpriseId()).put("binding", binding);
            if (now.enterpriseId() != null && me.enterpriseId() == null) {
                // Bound since this token was issued: hand out one that carries the enterprise.
                return tokens.issue(now).map(token -> out.put("token", token));
            }
            return Future.succeededFuture(out);
        }));
        reply(rc, 200, result);
    }

    private void decide(RoutingContext rc, boolean approve) {
        Principal staff = AuthHandler.principal(rc);
        JsonObject body = rc.body() == null || rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
        reply(rc, 200, bindings.decide(rc.pathParam("id"), staff, approve, body.getString("note"),
                body.getString("districtUnitId")));
    }

    private static void reply(RoutingContext rc, int status, Future<JsonObject> result) {
        result.onSuccess(json -> rc.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode()))
                .onFailure(rc::fail);
    }
}
