package cn.liaison.backend.ops;

import cn.liaison.backend.config.OpsConfig;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.request.RequestListener;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.StoredCollection;
import cn.liaison.backend.platform.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operating the service, wired in a few lines of {@code Application}: telemetry around Vert.x,
 * product gauges, the management server, retention, and the backup operation.
 */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final OpsConfig config;
    private final Telemetry telemetry;
    private Vertx vertx;
    private ProductGauges gauges;
    private Retention retention;
    private Backups backups;

    private Operations(OpsConfig config) {
        this.config = config;
        this.telemetry = Telemetry.of(config);
    }

    public static Operations create(OpsConfig config) {
        return new Operations(config);
    }

    /** The service's Vert.x, reporting metrics and traces as configured. */
    public Vertx createVertx(io.vertx.core.VertxOptions options) {
        vertx = telemetry.createVertx(options);
        return vertx;
    }

    /** The backup operation's routes; {@code embedded} is null with an external MongoDB. */
    public Routes backupRoutes(EmbeddedMongo embedded, Path dataDir, Clock clock) {
        backups = new Backups(vertx, embedded, dataDir, clock);
        return backups;
    }

    /**
     * Starts sampling and the management server once the features run.
     *
     * @param collections    the collections the features own (which expire, which carry an outbox)
     * @param listeners      where the request-loop counter registers itself
     * @param sseConnections open event streams on this instance
     * @param kbReady        whether the knowledge-base index is built
     */
    public Future<Void> start(Stores stores, Clock clock, List<StoredCollection> collections, Consumer<RequestListener> listeners,
                              IntSupplier sseConnections, BooleanSupplier kbReady) {
        retention = new Retention(stores.mongo(), clock, config.retention(), collections);
        if (telemetry.registry().isEmpty()) {
            return Future.succeededFuture();
        }
        gauges = new ProductGauges(vertx, stores, clock, collections);
        gauges.start(telemetry.registry().get(), sseConnections, kbReady);
        listeners.accept(gauges);
        return telemetry.startManagementServer(vertx).mapEmpty();
    }

    public Retention retention() {
        return retention;
    }

    public Backups backups() {
        return backups;
    }

    /** Port of the management server, or -1 when metrics are off. */
    public int managementPort() {
        return telemetry.managementPort();
    }

    /** Before Vert.x closes: stops the timers. */
    public void stopTimers() {
        if (gauges != null) {
            gauges.stop();
        }
    }

    /** After Vert.x closed: flushes spans, detaches the metrics registry. */
    public void close() {
        telemetry.close();
    }
}
