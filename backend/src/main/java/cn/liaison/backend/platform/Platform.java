package cn.liaison.backend.platform;

import cn.liaison.backend.platform.audit.AuditSink;
import cn.liaison.backend.platform.auth.Authorization;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.jobs.Jobs;
import cn.liaison.backend.platform.jobs.RedisLock;
import cn.liaison.backend.platform.outbox.FanOutNotifier;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.StoredCollection;
import cn.liaison.backend.platform.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every feature stands on: Vert.x, the stores, the clock, the named worker pool for blocking
 * work, jobs (with the Redis lease), the port registry, and the registries features contribute to
 * (routes, raw routes, notification channels, machine callers). It knows no feature.
 *
 * @param redisUrl  the Redis address (a feature that needs its own subscriber connection opens it)
 * @param dataDir   where embedded stores and generated files live
 * @param embedded  whether the embedded MongoDB runs
 * @param demo      DEMO=on: demo people and data, the pretend WeChat login
 */
public record Platform(Vertx vertx, Stores stores, Clock clock, WorkerExecutor blocking, Jobs jobs, Ports ports,
                       String redisUrl, Path dataDir, boolean embedded, boolean demo, Registries contributed) {

    /** Builds the platform with empty registries; {@code timers} off lets tests drive jobs by name. */
    public static Platform create(Vertx vertx, Stores stores, Clock clock, String redisUrl, Path dataDir,
                                  boolean embedded, boolean demo, boolean timers) {
        WorkerExecutor blocking = vertx.createSharedWorkerExecutor("liaison-blocking",
                Math.max(2, Runtime.getRuntime().availableProcessors()));
        Jobs jobs = new Jobs(vertx, new RedisLock(stores.redis()), clock, timers);
        Ports ports = new Ports();
        ports.publish(cn.liaison.backend.platform.work.ReportWork.class, new cn.liaison.backend.platform.work.ReportWork(vertx));
        return new Platform(vertx, stores, clock, blocking, jobs, ports, redisUrl, dataDir, embedded, demo, new Registries());
    }

    public void route(Routes routes) {
        contributed.routes.add(routes);
    }

    public void rawRoute(RawRoutes routes) {
        contributed.rawRoutes.add(routes);
    }

    /** A notification channel; the outbox sends through every channel added, also later ones. */
    public void notifier(Notifier channel) {
        contributed.notifiers.add(channel);
    }

    /** A machine caller named in the contract's {@code x-roles}. */
    public void caller(String name, Authorization.CallerGuard guard) {
        contributed.callers.put(name, guard);
    }

    /** Readiness: the instance is ready only when every check says so (e.g. the knowledge base is built). */
    public void readiness(BooleanSupplier check) {
        contributed.readyChecks.add(check);
    }

    /** Warnings shown by the readiness probe without failing it (e.g. a calendar year not published). */
    public void warnings(Supplier<List<String>> source) {
        contributed.warnings.add(source);
    }

    /** An audit recorder (the audit feature's log); operations with {@code x-audit} and raw routes record through {@link #audit}. */
    public void auditRecorder(AuditSink recorder) {
        contributed.auditRecorders.add(recorder);
    }

    /** Records to every audit recorder contributed (read at each event). */
    public AuditSink audit() {
        return AuditSink.fanOut(contributed.auditRecorders);
    }

    /** The collections this feature owns: indexes declared, expiry and outbox known to operations. */
    public void collections(StoredCollection... owned) {
        for (StoredCollection c : owned) {
            IndexRegistry.declare(c);
            contributed.collections.add(c);
        }
    }

    /** Sends to every notification channel contributed (read at send time). */
    public Notifier fanOut() {
        return new FanOutNotifier(contributed.notifiers, stores.redis());
    }

    /** What the features contributed. */
    public static final class Registries {
        private final List<Routes> routes = new CopyOnWriteArrayList<>();
        private final List<RawRoutes> rawRoutes = new CopyOnWriteArrayList<>();
        private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
        private final Map<String, Authorization.CallerGuard> callers = new ConcurrentHashMap<>();
        private final List<BooleanSupplier> readyChecks = new CopyOnWriteArrayList<>();
        private final List<Supplier<List<String>>> warnings = new CopyOnWriteArrayList<>();
        private final List<AuditSink> auditRecorders = new CopyOnWriteArrayList<>();
        private final List<StoredCollection> collections = new CopyOnWriteArrayList<>();

        public boolean ready() {
            return readyChecks.stream().allMatch(BooleanSupplier::getAsBoolean);
        }

        public List<String> warnings() {
            return warnings.stream().flatMap(w -> w.get().stream()).toList();
        }

        public List<Routes> routes() {
            return List.copyOf(routes);
        }

        public List<RawRoutes> rawRoutes() {
            return List.copyOf(rawRoutes);
        }

        public Map<String, Authorization.CallerGuard> callers() {
            return Map.copyOf(callers);
        }

        /** The collections the started features declared they own. */
        public List<StoredCollection> collections() {
            return List.copyOf(collections);
        }
    }
}
