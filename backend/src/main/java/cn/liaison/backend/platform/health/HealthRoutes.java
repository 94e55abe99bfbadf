package cn.liaison.backend.platform.health;

import cn.liaison.backend.platform.http.FailureHandler;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Liveness (the process answers) and readiness (MongoDB and Redis answer, the knowledge-base index
 * is built, and the instance is not draining for shutdown; calendar gaps are warnings, not failures). Orchestrators route traffic by readiness and restart by liveness.
 */
public final class HealthRoutes implements Routes {

    private static final long PING_TIMEOUT_MS = 2000;

    private final Stores stores;
    private final BooleanSupplier draining;
    private final BooleanSupplier kbReady;
    private final Supplier<List<String>> warnings;

    /**
     * @param kbReady  whether the knowledge-base index answers; until then chat searches would wait for
     *                 it (5–13 s), so the instance is not ready
     * @param warnings problems that do not stop traffic (a year without holiday schedule), listed in the body
     */
    public HealthRoutes(Stores stores, BooleanSupplier draining, BooleanSupplier kbReady, Supplier<List<String>> warnings) {
        this.stores = stores;
        this.draining = draining;
        this.kbReady = kbReady;
        this.warnings = warnings;
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
            boolean kb = kbReady.getAsBoolean();
            List<String> notes = warnings.get();
            JsonObject checks = new JsonObject().put("mongo", mongo.result()).put("redis", redis.result())
                    .put("knowledgeBase", kb ? "UP" : "LOADING").put("calendar", notes.isEmpty() ? "UP" : "INCOMPLETE");
            List<FieldError> down = new ArrayList<>();
            if (!"UP".equals(mongo.result())) {
                down.add(new FieldError("mongo", "MongoDB 无响应"));
            }
            if (!"UP".equals(redis.result())) {
                down.add(new FieldError("redis", "Redis 无响应"));
            }
            if (!kb) {
                down.add(new FieldError("knowledgeBase", "知识库索引尚未就绪"));
            }
            if (draining.getAsBoolean()) {
                down.add(new FieldError("instance", "实例正在停止，不再接收新请求"));
            }
            if (down.isEmpty()) {
                rc.json(new JsonObject().put("status", "UP").put("checks", checks).put("warnings", new JsonArray(notes)));
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
