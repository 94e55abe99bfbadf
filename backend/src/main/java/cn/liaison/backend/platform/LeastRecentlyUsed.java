package cn.liaison.backend.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded in-memory caches: a map that forgets its least recently used entry beyond a size. */
public final class LeastRecentlyUsed {

    private LeastRecentlyUsed() {
    }

    /** At most {@code max} entries, the least recently read or written dropped first; not synchronized. */
    public static <K, V> Map<K, V> map(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry: " + max);
        }
        return new LinkedHashMap<>(Math.min(max, 1_024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
