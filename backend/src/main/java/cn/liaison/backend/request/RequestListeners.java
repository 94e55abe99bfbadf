package cn.liaison.backend.request;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of a request module; a failing listener never affects the change or the others. */
public final class RequestListeners implements RequestListener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestListeners.class);

    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();

    public void add(RequestListener listener) {
        listeners.add(listener);
    }

    @Override
    public void changed(JsonObject request, Action action) {
        for (RequestListener listener : listeners) {
            try {
                listener.changed(request, action);
            } catch (RuntimeException e) {
                LOG.warn("Request listener failed for {} {}: {}", request.getString("number"), action, e.toString());
            }
        }
    }
}
