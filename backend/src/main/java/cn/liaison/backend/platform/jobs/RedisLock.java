package cn.liaison.backend.platform.jobs;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A lease in Redis so that one instance at a time runs a job. Acquired with {@code SET NX PX};
 * released only by its holder (compare-and-delete in a script), and it expires by itself if the
 * holder dies.
 */
public final class RedisLock {

    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisAPI redis;

    public RedisLock(RedisAPI redis) {
        this.redis = redis;
    }

    /** A held lease. */
    public record Lease(String key, String token) {
    }

    public Future<Optional<Lease>> tryAcquire(String name, Duration ttl) {
        String key = "lock:" + name;
        String token = UUID.randomUUID().toString();
        return redis.set(List.of(key, token, "NX", "PX", Long.toString(ttl.toMillis())))
                .map(reply -> reply != null && "OK".equals(reply.toString())
                        ? Optional.of(new Lease(key, token))
                        : Optional.<Lease>empty());
    }

    public Future<Void> release(Lease lease) {
        return redis.eval(List.of(RELEASE, "1", lease.key(), lease.token())).mapEmpty();
    }
}
