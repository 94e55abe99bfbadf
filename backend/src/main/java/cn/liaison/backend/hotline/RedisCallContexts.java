package cn.liaison.backend.hotline;

import cn.liaison.bots.hotline.CallContext;
import cn.liaison.bots.hotline.CallContextStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Call context in Redis, shared by every instance, forgotten {@link #TTL} after the last turn. */
final class RedisCallContexts implements CallContextStore {

    static final Duration TTL = Duration.ofMinutes(30);
    private static final String PREFIX = "hotline:call:";

    private final RedisAPI redis;

    RedisCallContexts(RedisAPI redis) {
        this.redis = redis;
    }

    @Override
    public Future<Optional<CallContext>> load(String callId) {
        return cn.liaison.backend.platform.store.Ephemeral.read("the call context", redis.get(PREFIX + callId).map(value -> {
            if (value == null) {
                return Optional.<CallContext>empty();
            }
            JsonObject json = new JsonObject(value.toString());
            return Optional.of(new CallContext(json.getString("entryId"), json.getDouble("confidence", 0.0),
                    json.getString("lastQuestion", ""), json.getInteger("turns", 1)));
        }), Optional::empty);
    }

    @Override
    public Future<Void> save(String callId, CallContext context) {
        JsonObject json = new JsonObject().put("entryId", context.entryId()).put("confidence", context.confidence())
                .put("lastQuestion", context.lastQuestion()).put("turns", context.turns());
        return cn.liaison.backend.platform.store.Ephemeral.write("the call context",
                redis.set(List.of(PREFIX + callId, json.encode(), "EX", Long.toString(TTL.toSeconds()))));
    }
}
