package cn.liaison.backend.platform.health;

import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Liveness (the process answers) and readiness (MongoDB and Redis answer, and the instance is not
 * draining for shutdown). Orchestrators route traffic by readiness and restart by liveness.
 */
public final class HealthRoutes implements Routes {

    private static final long PING_TIMEOUT_MS = 2000;

    private final Stores stores;
    private final BooleanSupplier draining;

    public HealthRoutes(Stores stores, BooleanSupplier draining) {
        this.stores = stores;
        this.draining = draining;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("healthLive").addHandler(this::live);
        builder.getRoute("healthReady").addHandler(this::ready);
    }

    private void live(RoutingContext rc) {
        rc.json(new JsonObject().put("status", "UP"));
    }

    private void ready(RoutingContext rc) {
        Future<String> mongo = check(stores.pingMongo(PING_TIMEOUT_MS));
        Future<String> redis = check(stores.pingRedis(PING_TIMEOUT_MS));
        Future.join(mongo, redis).onComplete(ignored -> {
            JsonObject checks = new JsonObject().put("mongo", mongo.result()).put("redis", redis.result());
            List<FieldError> down = new ArrayList<>();
            if (!"UP".equals(mongo.result())) {
                down.add(new FieldError("mongo", "MongoDB 无响应"));
            }
            if (!"UP".equals(redis.result())) {
                down.add(new FieldError("redis", "Redis 无响应"));
            }
            if (draining.getAsBoolean()) {
                down.add(new FieldError("instance", "实例正在停止，不再接收新请求"));
            }
            if (down.isEmpty()) {
                rc.json(new JsonObject().put("status", "UP").put("checks", checks));
                return;
            }
            Problem problem = Problem.of(ProblemType.UNAVAILABLE,
                    "未就绪：" + String.join("，", down.stream().map(FieldError::detail).toList()), down);
            FailureHandler.send(rc, problem);
        });
    }

    private static Future<String> check(Future<Void> ping) {
        return ping.map("UP").otherwise("DOWN");
    }
}
