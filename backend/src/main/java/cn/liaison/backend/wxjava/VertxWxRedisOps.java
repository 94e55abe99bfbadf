package cn.liaison.backend.wxjava;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's Redis port over the Vert.x Redis client, used by the mini-program (WeChat) and WeCom
 * clients, so every instance shares one access token (an instance that fetched its own would
 * invalidate the others'). WxJava calls it from the worker pool
 * and expects blocking answers; it must never be called on an event loop.
 */
@Published
public final class VertxWxRedisOps implements WxRedisOps {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisAPI redis;

    public VertxWxRedisOps(RedisAPI redis) {
        this.redis = redis;
    }

    @Override
    public String getValue(String key) {
        Response value = block(redis.get(key));
        return value == null ? null : value.toString();
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        long millis = unit.toMillis(expire);
        block(millis > 0 ? redis.set(List.of(key, value, "PX", Long.toString(millis))) : redis.set(List.of(key, value)));
    }

    @Override
    public Long getExpire(String key) {
        Response ttl = block(redis.ttl(key));
        return ttl == null ? -2L : ttl.toLong();
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        block(redis.pexpire(List.of(key, Long.toString(unit.toMillis(expire)))));
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLease(key);
    }

    private static <T> T block(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Redis", e);
        } catch (Exception e) {
            throw new IllegalStateException("Redis call failed: " + e.getMessage(), e);
        }
    }

    /**
     * A lease across instances (SET NX PX; released only by its holder), so only one instance
     * refreshes the token at a time. Expires by itself if the holder dies.
     */
    private final class RedisLease implements Lock {
        private static final long LEASE_MS = 15_000;
        private static final long POLL_MS = 50;
        private final String key;
        private final String holder = UUID.randomUUID().toString();

        RedisLease(String key) {
            this.key = key;
        }

        @Override
        public boolean tryLock() {
            Response reply = block(redis.set(List.of(key, holder, "NX", "PX", Long.toString(LEASE_MS))));
            return reply != null && "OK".equals(reply.toString());
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Thread.sleep(POLL_MS);
            }
            return true;
        }

        @Override
        public void lock() {
            try {
                if (!tryLock(LEASE_MS * 2, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("could not take the WeChat token lock " + key);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + key, e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (!tryLock(LEASE_MS * 2, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("could not take the WeChat token lock " + key);
            }
        }

        @Override
        public void unlock() {
            block(redis.eval(List.of(RELEASE, "1", key, holder)));
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
