package cn.liaison.backend.platform.store;

import com.mongodb.MongoClientSettings;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The shared clients for MongoDB (everything that must not be lost) and Redis (what may be rebuilt). */
public final class Stores {

    private final MongoClient mongo;
    private final Redis redis;
    private final RedisAPI redisApi;

    private Stores(MongoClient mongo, Redis redis) {
        this.mongo = mongo;
        this.redis = redis;
        this.redisApi = RedisAPI.api(redis);
    }

    public static Stores connect(Vertx vertx, String mongoUri, String mongoDb, String redisUrl) {
        JsonObject mongoConfig = new JsonObject()
                .put("connection_string", mongoUri)
                .put("db_name", mongoDb)
                .put("serverSelectionTimeoutMS", 5000);
        if (!mongoUri.contains("connectTimeoutMS=")) { // the embedded store names its own (EmbeddedMongo)
            mongoConfig.put("connectTimeoutMS", 5000);
        }
        MongoClient mongo = TracedMongo.wrap(vertx, MongoClient.createWithMongoSettings(vertx, mongoConfig, "liaison",
                withMetrics(new MongoClientOptionsParser(vertx, mongoConfig).settings())));
        Redis redis = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(redisUrl)
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(256));
        return new Stores(mongo, redis);
    }

    /**
     * The driver's own pool and command timings ({@code mongodb_driver_pool_*},
     * {@code mongodb_driver_commands_seconds}) into Micrometer's global registry, which the
     * Prometheus registry joins when metrics are on (a no-op otherwise). vertx-mongo-client builds
     * the driver's settings from its JSON config internally; its own parser builds them here (same
     * codecs and options) so that the listeners can be added.
     */
    private static MongoClientSettings withMetrics(MongoClientSettings parsed) {
        return MongoClientSettings.builder(parsed)
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(
                        new MongoMetricsConnectionPoolListener(Metrics.globalRegistry)))
                .addCommandListener(new MongoMetricsCommandListener(Metrics.globalRegistry))
                .build();
    }

    public MongoClient mongo() {
        return mongo;
    }

    public RedisAPI redis() {
        return redisApi;
    }

    public Redis redisClient() {
        return redis;
    }

    /** Round trip to MongoDB, failing after {@code timeoutMs}. */
    public Future<Void> pingMongo(long timeoutMs) {
        return mongo.runCommand("ping", new JsonObject().put("ping", 1))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .mapEmpty();
    }

    /** Round trip to Redis, failing after {@code timeoutMs}. */
    public Future<Void> pingRedis(long timeoutMs) {
        return redisApi.ping(List.of())
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .mapEmpty();
    }

    public Future<Void> close() {
        redis.close();
        return mongo.close();
    }
}
