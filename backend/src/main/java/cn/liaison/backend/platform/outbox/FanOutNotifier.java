package cn.liaison.backend.platform.outbox;

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
        List<String> names = new ArrayList<>();
        for (Notifier channel : channels) {
            if (channel.handles(notification)) {
                sends.add(sendOnce(channel, notification));
                names.add(channel.name());
            }
        }
        return Future.join(sends).transform(ignored -> outcome(sends, names));
    }

    /**
     * Success when every channel delivered; otherwise a failure naming each failed channel and why
     * (what staff see as {@code lastError}); only deferrals → a deferral to the earliest time asked.
     */
    private static Future<Void> outcome(List<Future<Void>> sends, List<String> names) {
        List<String> errors = new ArrayList<>();
        DeliveryDeferred earliest = null;
        boolean realFailure = false;
        for (int i = 0; i < sends.size(); i++) {
            Throwable cause = sends.get(i).cause();
            if (cause == null) {
                continue;
            }
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            errors.add(names.get(i) + ": " + reason);
            if (cause instanceof DeliveryDeferred deferred) {
                earliest = earliest == null || deferred.notBefore().isBefore(earliest.notBefore()) ? deferred : earliest;
            } else {
                realFailure = true;
            }
        }
        if (errors.isEmpty()) {
            return Future.succeededFuture();
        }
        String message = String.join("; ", errors);
        if (!realFailure) {
            return Future.failedFuture(new DeliveryDeferred(earliest.notBefore(), message));
        }
        return Future.failedFuture(new IllegalStateException(message));
    }

    private Future<Void> sendOnce(Notifier channel, Notification notification) {
        String key = "delivered:" + notification.id() + ":" + channel.name();
        return redis.exists(List.of(key)).compose(found -> found != null && found.toInteger() > 0
                ? Future.succeededFuture()
                : channel.send(notification).onFailure(e -> countFailure(channel, e))
                        // A marker Redis failed to write must not fail a channel that delivered.
                        .compose(sent -> redis.set(List.of(key, "1", "EX", TTL_S)).<Void>mapEmpty()
                                .recover(e -> Future.succeededFuture())));
    }

    /** Quiet hours or a rate limit make a delivery wait: that is not a failure. */
    private static void countFailure(Notifier channel, Throwable e) {
        if (!(e instanceof DeliveryDeferred)) {
            cn.liaison.backend.platform.telemetry.Meters.notificationFailed(channel.name(), e);
        }
    }
}
