package cn.liaison.backend.notify;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one notification on every channel that handles it. Each channel's success is remembered in
 * Redis, so when another channel fails and the dispatcher retries, channels that already delivered
 * are skipped: nobody gets the same message twice because somebody else's channel was down.
 */
public final class FanOutNotifier implements Notifier {

    private static final String TTL_S = Long.toString(Duration.ofDays(30).toSeconds());

    private final List<Notifier> channels;
    private final RedisAPI redis;

    /** @param channels read at every send, so channels registered after construction take part */
    public FanOutNotifier(List<Notifier> channels, RedisAPI redis) {
        this.channels = channels;
        this.redis = redis;
    }

    @Override
    public String name() {
        return "fan-out";
    }

    @Override
    public Future<Void> send(Notification notification) {
        List<Future<Void>> sends = new ArrayList<>();
        for (Notifier channel : channels) {
            if (channel.handles(notification)) {
                sends.add(sendOnce(channel, notification));
            }
        }
        return Future.join(sends).mapEmpty();
    }

    private Future<Void> sendOnce(Notifier channel, Notification notification) {
        String key = "delivered:" + notification.id() + ":" + channel.name();
        return redis.exists(List.of(key)).compose(found -> found != null && found.toInteger() > 0
                ? Future.succeededFuture()
                : channel.send(notification).compose(sent -> redis.set(List.of(key, "1", "EX", TTL_S)).mapEmpty()));
    }
}
