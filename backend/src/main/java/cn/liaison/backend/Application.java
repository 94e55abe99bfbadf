package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.health.HealthRoutes;
import cn.liaison.backend.http.ContractLoader;
import cn.liaison.backend.http.HttpVerticle;
import cn.liaison.backend.http.Routes;
import cn.liaison.backend.log.Masking;
import cn.liaison.backend.store.EmbeddedMongo;
import cn.liaison.backend.store.EmbeddedRedis;
import cn.liaison.backend.store.Stores;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running service: the stores (embedded or external), Vert.x, and the HTTP edge. {@link #start}
 * and {@link #stop} block; they are called from {@code main}, the signal handler and tests.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final long STORE_TIMEOUT_S = 10;

    private final AppConfig config;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<HttpVerticle> httpVerticles = new CopyOnWriteArrayList<>();
    private EmbeddedMongo embeddedMongo;
    private EmbeddedRedis embeddedRedis;
    private Vertx vertx;
    private Stores stores;

    private Application(AppConfig config) {
        this.config = config;
    }

    /** Starts everything; on failure whatever already started is stopped again. */
    public static Application start(AppConfig config) throws Exception {
        return start(config, List.of(), UnaryOperator.identity());
    }

    /**
     * @param extraRoutes       routes beyond the built-in ones
     * @param contractExtension applied to the OpenAPI contract before routing is built
     */
    public static Application start(AppConfig config, List<Routes> extraRoutes,
                                    UnaryOperator<JsonObject> contractExtension) throws Exception {
        Application app = new Application(config);
        try {
            app.startAll(extraRoutes, contractExtension);
            return app;
        } catch (Exception | Error e) {
            app.stop();
            throw e;
        }
    }

    private void startAll(List<Routes> extraRoutes, UnaryOperator<JsonObject> contractExtension) throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(config.dataDir());
        String mongoUri = config.mongoUri().orElse(null);
        if (mongoUri == null) {
            embeddedMongo = EmbeddedMongo.start(config.dataDir());
            mongoUri = embeddedMongo.connectionString();
            LOG.info("MongoDB: embedded (mongo-java-server, H2 file {}) at {}, database {}",
                    embeddedMongo.file(), mongoUri, config.mongoDb());
        } else {
            LOG.info("MongoDB: external at {}, database {}", Masking.mask(mongoUri), config.mongoDb());
        }
        String redisUrl = config.redisUrl().orElse(null);
        if (redisUrl == null) {
            embeddedRedis = EmbeddedRedis.start(config.dataDir());
            redisUrl = embeddedRedis.url();
            LOG.info("Redis: embedded (redis-server, append-only file in {}) at {}", embeddedRedis.dir(), redisUrl);
        } else {
            LOG.info("Redis: external at {}", Masking.mask(redisUrl));
        }

        vertx = Vertx.vertx();
        stores = Stores.connect(vertx, mongoUri, config.mongoDb(), redisUrl);
        OpenAPIContract contract = ContractLoader.load(vertx, contractExtension).await(STORE_TIMEOUT_S, TimeUnit.SECONDS);

        List<Routes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(stores, draining::get));
        routes.addAll(extraRoutes);
        HttpVerticle.HttpSettings settings = new HttpVerticle.HttpSettings(
                config.httpHost(), config.httpPort(), config.bodyLimitBytes(), config.shutdownGrace());
        int instances = config.httpPort() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> {
                    HttpVerticle verticle = new HttpVerticle(contract, routes, settings);
                    httpVerticles.add(verticle);
                    return verticle;
                }, new DeploymentOptions().setInstances(instances))
                .await(STORE_TIMEOUT_S, TimeUnit.SECONDS);
        LOG.info("Listening on http://{}:{} ({} event-loop instance(s)), started in {} ms",
                config.httpHost(), port(), instances, (System.nanoTime() - begin) / 1_000_000);
    }

    public int port() {
        return httpVerticles.get(0).actualPort();
    }

    public Stores stores() {
        return stores;
    }

    public Vertx vertx() {
        return vertx;
    }

    public boolean isDraining() {
        return draining.get();
    }

    /**
     * Graceful stop: readiness turns to 503, the HTTP servers stop accepting and let in-flight
     * requests finish (at most the configured grace), then the clients and the embedded stores close.
     * Safe to call more than once.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        draining.set(true);
        long graceS = config.shutdownGrace().toSeconds() + STORE_TIMEOUT_S;
        if (vertx != null) {
            quietly("HTTP servers", () -> vertx.undeploy(vertx.deploymentIDs().iterator().next())
                    .await(graceS, TimeUnit.SECONDS), !vertx.deploymentIDs().isEmpty());
            quietly("store clients", () -> stores.close().await(STORE_TIMEOUT_S, TimeUnit.SECONDS), stores != null);
            quietly("Vert.x", () -> vertx.close().await(STORE_TIMEOUT_S, TimeUnit.SECONDS), true);
        }
        quietly("embedded Redis", () -> embeddedRedis.close(), embeddedRedis != null);
        quietly("embedded MongoDB", () -> embeddedMongo.close(), embeddedMongo != null);
        LOG.info("Stopped");
    }

    private static void quietly(String what, ThrowingRunnable step, boolean applies) {
        if (!applies) {
            return;
        }
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
