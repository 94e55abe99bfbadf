package cn.liaison.backend.platform.outbox;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers notifications to the log; the default until a real channel is configured. */
public final class LoggingNotifier implements Notifier {

    @Override
    public String name() {
        return "log";
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public Future<Void> send(Notification n) {
        LOG.info("notify {} request={} event={} to={} title={}", n.id(), n.requestId(), n.event(),
                n.recipientIds(), n.title());
        return Future.succeededFuture();
    }
}
