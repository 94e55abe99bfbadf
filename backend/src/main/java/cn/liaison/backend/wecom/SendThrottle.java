package cn.liaison.backend.wecom;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * WeCom's limits on application messages per member (30 a minute, 1000 an hour), counted in Redis
 * so that all instances share them. A send that would pass a limit is told when the window ends
 * instead; the count it took is given back.
 */
final class SendThrottle {

    static final int PER_MINUTE = 30;
    static final int PER_HOUR = 1000;

    private final RedisAPI redis;

    SendThrottle(RedisAPI redis) {
        this.redis = redis;
    }

    /** Takes one send for the member; empty when allowed, otherwise when to try again. */
    Future<Optional<Instant>> take(String wecomUserId, Instant now) {
        long minute = now.getEpochSecond() / 60;
        long hour = now.getEpochSecond() / 3600;
        String minuteKey = "wecom:rate:m:" + wecomUserId + ":" + minute;
        String hourKey = "wecom:rate:h:" + wecomUserId + ":" + hour;
        return count(hourKey, 7200).compose(perHour -> {
            if (perHour > PER_HOUR) {
                return redis.decr(hourKey).map(Optional.of(Instant.ofEpochSecond((hour + 1) * 3600)));
            }
            return count(minuteKey, 120).compose(perMinute -> perMinute <= PER_MINUTE
                    ? Future.succeededFuture(Optional.<Instant>empty())
                    : Future.all(redis.decr(minuteKey), redis.decr(hourKey))
                            .map(Optional.of(Instant.ofEpochSecond((minute + 1) * 60))));
        });
    }

    private Future<Long> count(String key, int ttlSeconds) {
        return redis.incr(key).compose(n -> redis.expire(List.of(key, Integer.toString(ttlSeconds))).map(n.toLong()));
    }
}
