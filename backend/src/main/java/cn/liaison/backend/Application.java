package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.ops.Operations;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.HttpEdge;
import cn.liaison.backend.platform.health.HealthRoutes;
import cn.liaison.backend.platform.http.ContractLoader;
import cn.liaison.backend.platform.http.EdgeStrain;
import cn.liaison.backend.platform.http.HttpVerticle;
import cn.liaison.backend.platform.store.StoreBoot;
import cn.liaison.backend.platform.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running service: the platform (stores, Vert.x, jobs, the HTTP edge) and the features on it,
 * started in order. {@link #start} and {@link #stop} block; they are called from {@code main}, the
 * signal handler and tests.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final long TIMEOUT_S = 60;

    private final AppConfig config;
    private final AtomicBoolean draining = new AtomicBoolean(), stopped = new AtomicBoolean();
    private final List<Feature> started = new ArrayList<>();
    private StoreBoot storeBoot;
    private Operations operations;
    private Vertx vertx;
    private Platform platform;
    private HttpEdge http;

    private Application(AppConfig config) { this.config = config; }

    /** Starts everything; on failure whatever already started is stopped again. */
    public static Application start(AppConfig config, StartOptions options) throws Exception {
        Application app = new Application(config);
        try {
            app.startAll(options);
            return app;
        } catch (Exception | Error e) {
            app.stop();
            throw e;
        }
    }

    private void startAll(StartOptions options) throws Exception {
        long begin = System.nanoTime();
        storeBoot = StoreBoot.start(config.dataDir(), config.mongoUri(), config.mongoDb(), config.redisUrl());
        operations = Operations.create(config.ops());
        vertx = operations.createVertx(storeBoot.vertxOptions());
        storeBoot.watchEmbeddedRedis(vertx);
        Stores stores = Stores.connect(vertx, storeBoot.mongoUri(), config.mongoDb(), storeBoot.redisUrl());
        long storesReadyAt = System.nanoTime();
        OpenAPIContract contract = ContractLoader.load(vertx, options.contractExtension()).await(TIMEOUT_S, TimeUnit.SECONDS);
        platform = Platform.create(vertx, stores, options.clock(), storeBoot.redisUrl(), config.dataDir(),
                config.embeddedMongo(), config.demo(), options.backgroundJobs());
        platform.ports().publish(Operations.class, operations);
        platform.ports().publish(StoreBoot.class, storeBoot);
        // background work (request assessment) runs less while the edge refuses or answers late
        platform.ports().publish(EdgeStrain.class, config.routeLimits());
        platform.route(new HealthRoutes(stores, draining::get, platform.contributed()::ready, platform.contributed()::warnings));
        options.extraChannels().forEach(platform::notifier);
        Map<String, Long> startMillis = new LinkedHashMap<>();
        for (Feature feature : Features.all(config).stream().filter(f -> options.starts(f.name())).toList()) {
            started.add(feature);
            long featureBegin = System.nanoTime();
            feature.start(platform).await(TIMEOUT_S, TimeUnit.SECONDS);
            startMillis.put(feature.name(), (System.nanoTime() - featureBegin) / 1_000_000);
        }
        LOG.info("Stores ready after {} ms; slowest feature starts: {}", (storesReadyAt - begin) / 1_000_000,
                startMillis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                        .map(e -> e.getKey() + " " + e.getValue() + " ms").toList());
        options.extraRoutes().forEach(platform::route);
        var settings = new HttpVerticle.HttpSettings(config.httpHost(), config.httpPort(), config.bodyLimitBytes(), config.shutdownGrace(), config.trustedProxies(), config.routeLimits().registerGauges());
        http = HttpEdge.deploy(vertx, contract, platform.contributed().routes(), platform.contributed().rawRoutes(),
                settings, platform.contributed().callers(), platform.audit(), platform.clock()).await(TIMEOUT_S, TimeUnit.SECONDS);
        LOG.info("Listening on http://{}:{} ({} event-loop instance(s)), {} features, started in {} ms",
                config.httpHost(), port(), http.instances(), started.size(), (System.nanoTime() - begin) / 1_000_000);
    }

    public int port() {
        return http.port();
    }

    /** The platform the features run on (tests drive jobs and reach published ports through it). */
    public Platform platform() {
        return platform;
    }

    /**
     * Graceful stop: readiness turns to 503, jobs stop, long-lived streams end, the HTTP servers let
     * in-flight requests finish (at most the configured grace), then the clients, Vert.x and the
     * embedded stores close. Safe to call more than once: a second caller (the JVM's shutdown hook
     * while a signal's stop runs) waits for the first to finish, so the process does not end with
     * the stores half closed.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            try {
                stopDone.await(config.shutdownGrace().toSeconds() + 60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            stopEverything();
        } finally {
            stopDone.countDown();
        }
    }

    private final java.util.concurrent.CountDownLatch stopDone = new java.util.concurrent.CountDownLatch(1);

    private void stopEverything() {
        draining.set(true);
        List<Feature> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        long graceS = config.shutdownGrace().toSeconds() + 10;
        if (platform != null) {
            quietly("jobs", () -> platform.jobs().stop());
            reversed.forEach(f -> quietly(f.name(), f::drain));
            vertx.deploymentIDs().forEach(id -> quietly("HTTP servers", () -> vertx.undeploy(id).await(graceS, TimeUnit.SECONDS)));
            quietly("store clients", () -> platform.stores().close().await(10, TimeUnit.SECONDS));
        }
        if (vertx != null) {
            quietly("Vert.x", () -> vertx.close().await(10, TimeUnit.SECONDS));
            quietly("telemetry", operations::close);
        }
        reversed.forEach(f -> quietly(f.name(), f::close));
        quietly("embedded stores", () -> { if (storeBoot != null) { storeBoot.close(); } });
        LOG.info("Stopped");
    }

    private interface Step { void run() throws Exception; }
    private static void quietly(String what, Step step) {
        try { step.run(); } catch (Exception e) { LOG.warn("Stopping {} failed: {}", what, e.toString()); }
    }
}
