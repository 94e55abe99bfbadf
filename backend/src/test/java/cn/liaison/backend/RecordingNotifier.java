package cn.liaison.backend;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.outbox.Notifier;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every delivered notification in memory; can be told to fail the next sends. */
public final class RecordingNotifier implements Notifier {

    @Override
    public String name() {
        return "recording";
    }

    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public Future<Void> send(Notification notification) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Future.failedFuture(new IllegalStateException("channel unavailable"));
        }
        sent.add(notification);
        return Future.succeededFuture();
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public List<Notification> sent() {
        return List.copyOf(sent);
    }

    public List<Notification> sent(String requestId, NotificationEvent event) {
        return sent.stream().filter(n -> n.requestId().equals(requestId) && n.event() == event).toList();
    }

    public void clear() {
        sent.clear();
    }
}
