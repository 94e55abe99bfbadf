package cn.liaison.backend.platform.ratelimit;

import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;

/**
 * A fixed-window counter in Redis per key and minute, shared by all instances. Over the limit the
 * caller gets a 429 problem and {@code Retry-After}.
 */
public final class RateLimit {

    private final RedisAPI redis;
    private final Clock clock;
    private final String name;
    private final int perMinute;
    private final LocalWindow local = new LocalWindow();

    public RateLimit(RedisAPI redis, Clock clock, String name, int perMinute) {
        this.redis = redis;
        this.clock = clock;
        this.name = name;
        this.perMinute = perMinute;
    }

    /** Counts one call for {@code key}; fails with {@link Exceeded} when over the limit. */
    public Future<Void> acquire(String key) {
        long epochSecond = clock.instant().getEpochSecond();
        long window = epochSecond / 60;
        String counter = "rl:" + name + ":" + key + ":" + window;
        // Fail safe: without Redis the limit still holds, counted per instance (LocalWindow).
        return redis.incr(counter)
                .compose(count -> count.toLong() == 1
                        ? redis.expire(List.of(counter, "120")).map(count.toLong())
                        : Future.succeededFuture(count.toLong()))
                .timeout(cn.liaison.backend.platform.store.Ephemeral.TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(e -> Future.succeededFuture((long) local.count(key, window)))
                .compose(count -> count <= perMinute ? Future.succeededFuture()
                        : Future.failedFuture(new Exceeded((int) (60 - epochSecond % 60))));
    }

    /** Over the limit; {@link #retryAfterSeconds} until the window turns. */
    public static final class Exceeded extends ProblemException {
        private final int retryAfterSeconds;

        Exceeded(int retryAfterSeconds) {
            super(Problem.of(ProblemType.TOO_MANY_REQUESTS, "提问过于频繁，请 " + retryAfterSeconds + " 秒后再试"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
