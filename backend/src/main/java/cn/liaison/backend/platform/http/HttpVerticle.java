package cn.liaison.backend.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge. Every API route comes from the OpenAPI contract and is validated against it
 * before its handler runs; the contract and Swagger UI are served for humans.
 *
 * <pre>
 *   GET  /openapi.yaml      the contract
 *   GET  /docs/             Swagger UI
 *   *    (contract paths)   feature {@link Routes}
 * </pre>
 */
public final class HttpVerticle extends VerticleBase {

    static final String CONTRACT_RESOURCE = "openapi.yaml";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.18.2";

    private final OpenAPIContract contract;
    private final List<Routes> routes;
    private final List<RawRoutes> rawRoutes;
    private final HttpSettings settings;
    private final OperationGuard guard;
    private HttpServer server;

    /**
     * @param guard the handler that runs first for every operation a feature serves (authorization
     *              by the operation's declared roles)
     */
    public HttpVerticle(OpenAPIContract contract, List<Routes> routes, List<RawRoutes> rawRoutes, HttpSettings settings,
                        OperationGuard guard) {
        this.contract = contract;
        this.guard = guard;
        this.routes = List.copyOf(routes);
        this.rawRoutes = List.copyOf(rawRoutes);
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        Router router = router();
        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setCompressionSupported(true)
                // Above InputGuard's limit, so an over-long URL gets its problem answer, not Netty's bare 414.
                .setMaxInitialLineLength(InputGuard.MAX_URI_CHARS * 8));
        return server.requestHandler(router).listen();
    }

    /** Stops accepting connections and lets in-flight requests finish within the grace period. */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    public int actualPort() {
        return server.actualPort();
    }

    private Router router() {
        RouterBuilder builder = RouterBuilder.create(vertx, contract, new ContractRequestExtractor());
        builder.rootHandler(new RequestIds());
        builder.rootHandler(new AccessLog());
        // load shedding before the body is read: a refusal costs next to nothing and waits for nothing
        builder.rootHandler(settings.limits().atEdge());
        builder.rootHandler(new FormBodyGuard());
        builder.rootHandler(new StreamedBody(BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes())));
        builder.rootHandler(new ClientAddress(settings.trustedProxies()));
        // Features register first: a machine caller's signature is checked before any parsing (root
        // handlers run in the order they were added).
        routes.forEach(r -> r.register(builder));
        builder.rootHandler(new JsonBodyGuard());
        builder.rootHandler(new InputGuard());
        // Operations no feature serves stay unrouted (404); the others are authorized, then their
        // inputs checked, before their handlers.
        contract.operations().forEach(op -> {
            List<Handler<RoutingContext>> handlers = builder.getRoute(op.getOperationId()).getHandlers();
            if (!handlers.isEmpty()) {
                handlers.add(0, new OperationInputs(op));
                handlers.add(0, guard.forOperation(op));
                Handler<RoutingContext> shed = settings.limits().forOperation(op.getHttpMethod(), op.getOpenAPIPath());
                if (shed != null) {
                    handlers.add(0, shed); // reports: before anything else on the route
                }
            }
        });
        Router router = builder.createRouter();

        String contractText = resource(CONTRACT_RESOURCE);
        String docsPage = resource("docs/index.html");
        router.get("/openapi.yaml").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(contractText));
        router.getWithRegex("/docs").handler(rc -> rc.redirect("/docs/"));
        router.get("/docs/").handler(rc -> rc.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end(docsPage));
        router.get("/docs/*").handler(StaticHandler.create(SWAGGER_UI).setCachingEnabled(true));
        rawRoutes.forEach(r -> r.register(router));

        FailureHandler failures = new FailureHandler(settings.bodyLimitBytes());
        router.route().failureHandler(failures);
        router.errorHandler(404, rc -> FailureHandler.send(rc, failures.forStatus(404)));
        router.errorHandler(405, rc -> FailureHandler.send(rc, failures.forStatus(405)));
        return router;
    }

    static String resource(String name) {
        try (InputStream in = HttpVerticle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the handler that runs before an operation's own handlers. */
    @FunctionalInterface
    public interface OperationGuard {
        Handler<RoutingContext> forOperation(Operation operation);
    }

    /** What the edge needs from the configuration. */
    public record HttpSettings(String host, int port, long bodyLimitBytes, Duration shutdownGrace, List<String> trustedProxies,
                               RouteLimits limits) {

        public HttpSettings(String host, int port, long bodyLimitBytes, Duration shutdownGrace) {
            this(host, port, bodyLimitBytes, shutdownGrace, List.of());
        }

        public HttpSettings(String host, int port, long bodyLimitBytes, Duration shutdownGrace, List<String> trustedProxies) {
            this(host, port, bodyLimitBytes, shutdownGrace, trustedProxies, RouteLimits.parse(RouteLimits.DEFAULTS));
        }
    }
}
