package cn.liaison.backend.notify;

import io.vertx.core.Future;

/**
 * Outgoing port: delivers one notification on some channel (WeCom, WeChat subscribe messages,
 * 12345 callbacks). A failed future makes the dispatcher retry later with back-off.
 */
public interface Notifier {

    Future<Void> send(Notification notification);
}
