package cn.liaison.backend.platform.ratelimit;

import java.util.HashMap;
import java.util.Map;

/**
 * The rate limit's fallback while Redis is down: the same fixed window, counted in this instance
 * only. Bounded: at most {@link #MAX_KEYS} callers are tracked per window; beyond that every new
 * caller counts as over the limit, so a flood of addresses cannot grow memory or escape the limit.
 */
final class LocalWindow {

    static final int MAX_KEYS = 10_000;

    private long window = -1;
    private final Map<String, Integer> counts = new HashMap<>();

    /** Counts one call; the count in this window including it. */
    synchronized int count(String key, long currentWindow) {
        if (currentWindow != window) {
            window = currentWindow;
            counts.clear();
        }
        Integer now = counts.get(key);
        if (now == null && counts.size() >= MAX_KEYS) {
            return Integer.MAX_VALUE;
        }
        int next = now == null ? 1 : now + 1;
        counts.put(key, next);
        return next;
    }
}
