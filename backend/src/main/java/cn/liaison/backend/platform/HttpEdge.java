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
                                          HttpVerticle.HttpSettings settings, Map<String, Authorization.CallerGuard> callers) {
        Authorization authorization = new Authorization(callers);
        authorization.check(contract);
        HttpEdge edge = new HttpEdge();
        int instances = settings.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        return vertx.deployVerticle(() -> {
                    HttpVerticle verticle = new HttpVerticle(contract, routes, rawRoutes, settings, authorization::forOperation);
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
