package cn.liaison.backend.kb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.EventBusHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance's index in step: after a publish, the instance that published rebuilds its
 * own index, then announces it on a Redis channel; the others rebuild when they hear it. The
 * subscription uses its own connection and comes back after Redis restarts; while it is down an
 * instance may serve the previous version, never a broken one.
 */
final class KbSync {

    static final String CHANNEL = "liaison:kb:published";
    /** Subscription messages are forwarded to the event bus under this prefix (one consumer per instance). */
    private static final String ADDRESS_PREFIX = "liaison.redis.kb";
    private static final Logger LOG = LoggerFactory.getLogger(KbSync.class);
    private static final long RETRY_MS = 2000;

    private final Vertx vertx;
    private final Redis client;
    private final RedisAPI redis;
    private final KbService kb;
    private final String instanceId;
    private volatile boolean closed;
    private RedisConnection connection;
    private MessageConsumer<JsonObject> consumer;

    KbSync(Vertx vertx, Redis client, RedisAPI redis, KbService kb, String instanceId) {
        this.vertx = vertx;
        this.client = client;
        this.redis = redis;
        this.kb = kb;
        this.instanceId = instanceId;
    }

    Future<Void> start() {
        if (consumer == null) {
            consumer = vertx.eventBus().<JsonObject>consumer(ADDRESS_PREFIX + "." + CHANNEL, message -> {
                JsonObject body = message.body();
                String from = body.getJsonObject("value", new JsonObject()).getString("message");
                if ("message".equals(body.getString("type")) && !instanceId.equals(from)) {
                    kb.reindex().onFailure(e -> LOG.warn("Re-index after a publish elsewhere failed: {}", e.toString()));
                }
            });
        }
        return client.connect().compose(conn -> {
            connection = conn;
            conn.handler(EventBusHandler.create(vertx, ADDRESS_PREFIX));
            conn.exceptionHandler(e -> reconnect());
            conn.endHandler(v -> reconnect());
            return conn.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).mapEmpty();
        });
    }

    /**
     * Subscribes; when Redis is away at that moment the index still serves, and the subscription is
     * retried in the background (with a rebuild once it holds, for publishes missed meanwhile).
     */
    Future<Void> startOrRetry() {
        return start().recover(e -> {
            LOG.warn("Knowledge-base sync: Redis not reachable ({}); retrying in the background", e.toString());
            reconnect();
            return Future.succeededFuture();
        });
    }

    /** Tells the other instances to rebuild. */
    Future<Void> announce() {
        return redis.publish(CHANNEL, instanceId).mapEmpty();
    }

    void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
        if (consumer != null) {
            consumer.unregister();
        }
    }

    private void reconnect() {
        if (closed) {
            return;
        }
        vertx.setTimer(RETRY_MS, id -> start()
                .onSuccess(v -> kb.reindex())
                .onFailure(e -> reconnect()));
    }

}
