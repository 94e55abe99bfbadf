package cn.liaison.backend.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What features publish for each other: a feature puts in the interfaces (ports) it implements,
 * features started later take them out. A missing port is a wiring mistake and fails the start.
 */
public final class Ports {

    private final Map<Class<?>, Object> published = new ConcurrentHashMap<>();

    public <T> void publish(Class<T> type, T implementation) {
        if (published.putIfAbsent(type, type.cast(implementation)) != null) {
            throw new IllegalStateException(type.getName() + " published twice");
        }
    }

    /** A port that a feature configured off may not publish. */
    public <T> java.util.Optional<T> find(Class<T> type) {
        return java.util.Optional.ofNullable(published.get(type)).map(type::cast);
    }

    public <T> T require(Class<T> type) {
        Object found = published.get(type);
        if (found == null) {
            throw new IllegalStateException("no feature publishes " + type.getName() + " (check the feature order)");
        }
        return type.cast(found);
    }
}
