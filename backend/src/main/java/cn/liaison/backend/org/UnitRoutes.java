package cn.liaison.backend.org;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * The unit tree over HTTP.
 *
 * <pre>
 *   GET   /api/v1/units        every unit, parents before children      (any signed-in user)
 *   POST  /api/v1/units        {name, parentId, id?, level?} → 201       (CITY_ADMIN)
 *   PATCH /api/v1/units/{id}   {name?, parentId?}                        (CITY_ADMIN)
 * </pre>
 */
public final class UnitRoutes implements Routes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoUnits units;

    public UnitRoutes(MongoUnits units) {
        this.units = units;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("listUnits").addHandler(this::list);
        builder.getRoute("createUnit").addHandler(this::create);
        builder.getRoute("updateUnit").addHandler(this::update);
    }

    private void list(RoutingContext rc) {
        AuthHandler.principal(rc);
        units.all()
                .onSuccess(all -> rc.json(new JsonObject().put("items", new JsonArray(all.stream().map(UnitRoutes::json).toList()))))
                .onFailure(rc::fail);
    }

    private void create(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        String parentId = body.getString("parentId");
        units.find(parentId)
                .map(parent -> parent.orElseThrow(() -> new UnitRuleViolation("parentId", "上级单位 " + parentId + " 不存在")))
                .map(parent -> newUnit(body, parent))
                .compose(units::create)
                .onSuccess(unit -> {
                    rc.response().setStatusCode(201).putHeader("Location", "/api/v1/units/" + unit.id());
                    rc.json(json(unit));
                })
                .onFailure(e -> rc.fail(problem(e)));
    }

    private void update(RoutingContext rc) {
        String id = rc.pathParam("id");
        JsonObject body = rc.body().asJsonObject();
        units.update(id, body.getString("name"), body.getString("parentId"))
                .map(updated -> updated.orElseThrow(() -> ProblemException.notFound("单位 " + id + " 不存在")))
                .onSuccess(unit -> rc.json(json(unit)))
                .onFailure(e -> rc.fail(problem(e)));
    }

    private static Unit newUnit(JsonObject body, Unit parent) {
        UnitLevel level = parent.level().childLevel()
                .orElseThrow(() -> new UnitRuleViolation("parentId", parent.name() + " 是园区，园区下不能再设单位"));
        if (body.getString("level") != null) {
            level = UnitLevel.valueOf(body.getString("level"));
        }
        String id = body.getString("id");
        if (id == null) {
            id = level.name().toLowerCase(Locale.ROOT) + "-" + randomSuffix();
        }
        return new Unit(id, body.getString("name"), level, parent.id());
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static Throwable problem(Throwable e) {
        if (e instanceof UnitRuleViolation v) {
            return ProblemException.invalid(v.getMessage(), List.of(new FieldError(v.field(), v.getMessage())));
        }
        if (e instanceof UnitConflict c) {
            return ProblemException.conflict(c.getMessage());
        }
        return e;
    }

    static JsonObject json(Unit unit) {
        return new JsonObject()
                .put("id", unit.id())
                .put("name", unit.name())
                .put("level", unit.level().name())
                .put("parentId", unit.parentId());
    }
}
