package cn.liaison.backend.platform.http;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that means a store did not answer (MongoDB or Redis unreachable, closed or
 * timing out) rather than a bug: those are answered 503 with {@code Retry-After}, so clients retry
 * and nothing reads like a crash.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || name.startsWith("com.mongodb.MongoSocket") || name.equals("com.mongodb.MongoTimeoutException")
                    || name.startsWith("io.vertx.redis.") || name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                    || name.equals("io.vertx.core.VertxException") && String.valueOf(t.getMessage()).contains("Connection")
                    || String.valueOf(t.getMessage()).contains("Client is closed")
                    || String.valueOf(t.getMessage()).contains("store-unavailable:")
                    || String.valueOf(t.getMessage()).contains("Connection refused")
                    || name.startsWith("io.netty.channel.") && name.contains("Connect")) {
                return true;
            }
        }
        return false;
    }
}
