package cn.liaison.backend.platform.store;

import cn.liaison.backend.platform.log.Masking;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded stores the configuration leaves unset (MongoDB, Redis) and says which stores
 * are used, one log line each (credentials masked). {@link #close} stops what it started.
 */
public final class StoreBoot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBoot.class);

    private EmbeddedMongo embeddedMongo;
    private EmbeddedRedis embeddedRedis;
    private String mongoUri;
    private String redisUrl;
    private io.vertx.core.file.FileSystemOptions fileSystem;

    public static StoreBoot start(Path dataDir, Optional<String> mongo, String mongoDb, Optional<String> redis)
            throws IOException {
        java.nio.file.Files.createDirectories(dataDir);
        NativeCache.configure(dataDir);
        StoreBoot boot = new StoreBoot();
        try {
            boot.fileSystem = NativeCache.vertxFileSystem(dataDir, mongo.isEmpty());
            boot.mongoUri = mongo.orElse(null);
            if (boot.mongoUri == null) {
                boot.embeddedMongo = EmbeddedMongo.start(dataDir);
                boot.mongoUri = boot.embeddedMongo.connectionString();
                LOG.info("MongoDB: embedded (mongo-java-server, H2 file {}) at {}, database {}",
                        boot.embeddedMongo.file(), boot.mongoUri, mongoDb);
            } else {
                LOG.info("MongoDB: external at {}, database {}", Masking.mask(boot.mongoUri), mongoDb);
            }
            boot.redisUrl = redis.orElse(null);
            if (boot.redisUrl == null) {
                boot.embeddedRedis = EmbeddedRedis.start(dataDir);
                boot.redisUrl = boot.embeddedRedis.url();
                LOG.info("Redis: embedded (redis-server, append-only file in {}) at {}", boot.embeddedRedis.dir(), boot.redisUrl);
            } else {
                LOG.info("Redis: external at {}", Masking.mask(boot.redisUrl));
            }
            return boot;
        } catch (IOException | RuntimeException e) {
            boot.close();
            throw e;
        }
    }

    /** Vert.x options that keep its file cache with the natives under the data directory. */
    public io.vertx.core.VertxOptions vertxOptions() {
        return new io.vertx.core.VertxOptions().setFileSystemOptions(fileSystem);
    }

    /** The embedded MongoDB, when this process started one (for backups and the query log). */
    public java.util.Optional<EmbeddedMongo> embeddedMongo() {
        return java.util.Optional.ofNullable(embeddedMongo);
    }

    /** True when the embedded MongoDB has closed itself for good (disk full); see {@code StoreWatch}. */
    public boolean embeddedStoreFailed() {
        return embeddedMongo != null && embeddedMongo.failed();
    }

    /** Redis holds only what may be lost: a dead embedded server is simply started again. */
    public void watchEmbeddedRedis(io.vertx.core.Vertx vertx) {
        EmbeddedRedis redis = embeddedRedis;
        if (redis != null) {
            vertx.setPeriodic(REDIS_WATCH_MS, id -> vertx.executeBlocking(redis::restartIfDead, false)
                    .onFailure(e -> LOG.warn("Embedded Redis could not be restarted: {}", e.toString())));
        }
    }

    /** How often the embedded redis-server's process is checked. */
    static final long REDIS_WATCH_MS = 1000;

    public String mongoUri() {
        return mongoUri;
    }

    public String redisUrl() {
        return redisUrl;
    }

    @Override
    public void close() {
        if (embeddedRedis != null) {
            quietly("embedded Redis", embeddedRedis);
        }
        if (embeddedMongo != null) {
            quietly("embedded MongoDB", embeddedMongo);
        }
    }

    private static void quietly(String what, AutoCloseable store) {
        try {
            store.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", what, e.toString());
        }
    }
}
