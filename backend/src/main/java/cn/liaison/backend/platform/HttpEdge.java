package cn.liaison.backend.platform;

import cn.liaison.backend.platform.auth.Authorization;
import cn.liaison.backend.platform.http.HttpVerticle;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import cn.liaison.backend.platform.audit.AuditSink;
import cn.liaison.backend.platform.audit.OperationAudit;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The deployed HTTP servers: one {@link HttpVerticle} per event loop (one when the port is chosen
 * by the system, as in tests), every operation guarded by {@link Authorization} from the contract's
 * {@code x-roles}, which is checked for every operation before anything listens.
 */
public final class HttpEdge {

    private final List<HttpVerticle> verticles = new CopyOnWriteArrayList<>();

    private HttpEdge() {
    }

    public static Future<HttpEdge> deploy(Vertx vertx, OpenAPIContract contract, List<Routes> routes, List<RawRoutes> rawRoutes,
                                          HttpVerticle.HttpSettings settings, Map<String, Authorization.CallerGuard> callers,
                                          AuditSink audit, Clock clock) {
        Authorization authorization = new Authorization(callers);
        authorization.check(contract);
        HttpEdge edge = new HttpEdge();
        int instances = settings.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        return vertx.deployVerticle(() -> {
                    HttpVerticle verticle = new HttpVerticle(contract, routes, rawRoutes, settings, op -> {
                        Handler<RoutingContext> authorize = authorization.forOperation(op);
                        Consumer<RoutingContext> watch = OperationAudit.watcher(op, audit, clock);
                        return watch == null ? authorize : rc -> {
                            watch.accept(rc);
                            authorize.handle(rc);
                        };
                    });
                    edge.verticles.add(verticle);
                    return verticle;
                }, new DeploymentOptions().setInstances(instances))
                .map(id -> edge);
    }

    public int port() {
        return verticles.get(0).actualPort();
    }

    public int instances() {
        return verticles.size();
    }
}
