package cn.liaison.backend.platform.outbox;

import io.vertx.core.Future;

/**
 * Outgoing port: delivers one notification on one channel (the log, WeCom application messages,
 * WeChat subscribe messages, 12345 callbacks). A failed future makes the dispatcher retry later
 * with back-off; channels that already succeeded are not asked again (see {@link FanOutNotifier}).
 */
public interface Notifier {

    /** A short stable name, used to remember per channel what was delivered. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Whether this channel has anything to do with the notification (e.g. one of its recipients). */
    default boolean handles(Notification notification) {
        return true;
    }

    Future<Void> send(Notification notification);
}
