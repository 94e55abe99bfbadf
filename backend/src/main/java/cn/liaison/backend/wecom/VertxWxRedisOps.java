package cn.liaison.backend.wecom;

import cn.liaison.backend.sla.RedisLock;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's Redis operations over the service's Vert.x Redis client, so that every instance shares
 * one WeCom access token (and its refresh lock) instead of each fetching its own. WxJava calls these
 * from the worker threads its blocking calls run on, never from an event loop: they wait for Redis.
 */
final class VertxWxRedisOps implements WxRedisOps {

    private static final long WAIT_MS = 5_000;
    private static final Duration LOCK_LEASE = Duration.ofSeconds(15);
    private static final long LOCK_WAIT_MS = 15_000;

    private final RedisAPI redis;
    private final RedisLock locks;

    VertxWxRedisOps(RedisAPI redis) {
        this.redis = redis;
        this.locks = new RedisLock(redis);
    }

    @Override
    public String getValue(String key) {
        Response value = await(redis.get(key));
        return value == null ? null : value.toString();
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        if (expire > 0) {
            await(redis.set(List.of(key, value, "PX", Long.toString(unit.toMillis(expire)))));
        } else {
            await(redis.set(List.of(key, value)));
        }
    }

    @Override
    public Long getExpire(String key) {
        Response ttl = await(redis.ttl(key));
        return ttl == null ? -2L : ttl.toLong();
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        await(redis.pexpire(List.of(key, Long.toString(unit.toMillis(expire)))));
    }

    @Override
    public Lock getLock(String key) {
        return new SpinLock(key);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Redis: " + e.getMessage(), e);
        }
    }

    /** A lease in Redis held by the thread that took it; waits by polling (token refreshes are rare). */
    private final class SpinLock implements Lock {

        private final String name;
        private RedisLock.Lease lease;

        SpinLock(String name) {
            this.name = "wecom:" + name;
        }

        @Override
        public void lock() {
            try {
                if (!tryLock(LOCK_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("could not take the WeCom token lock in " + LOCK_WAIT_MS + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the WeCom token lock", e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock();
        }

        @Override
        public boolean tryLock() {
            Optional<RedisLock.Lease> taken = await(locks.tryAcquire(name, LOCK_LEASE));
            taken.ifPresent(l -> lease = l);
            return taken.isPresent();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long until = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() > until) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        @Override
        public void unlock() {
            if (lease != null) {
                RedisLock.Lease held = lease;
                lease = null;
                await(locks.release(held));
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
