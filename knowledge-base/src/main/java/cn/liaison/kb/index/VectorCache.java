package cn.liaison.kb.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Vectors of indexed texts, kept between index builds so that re-indexing after a publish only
 * embeds the texts that changed. Bounded (least recently used first out); user questions never
 * enter it.
 */
final class VectorCache {
    static final int MAX_TEXTS = 20_000;

    private static final Map<Embedder, Map<String, float[]>> CACHES = new WeakHashMap<>();

    private VectorCache() {
    }

    /** The vectors of {@code texts}, in order, embedding only the ones not cached yet. */
    static List<float[]> embedAll(Embedder embedder, List<String> texts) {
        Map<String, float[]> cache;
        synchronized (CACHES) {
            cache = CACHES.computeIfAbsent(embedder, e -> lru());
        }
        Map<String, float[]> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        synchronized (cache) {
            for (String text : texts) {
                float[] vector = cache.get(text);
                if (vector != null) {
                    found.put(text, vector);
                } else {
                    missing.add(text);
                }
            }
        }
        List<String> toEmbed = new ArrayList<>(missing);
        List<float[]> embedded = toEmbed.isEmpty() ? List.of() : embedder.embedAll(toEmbed);
        synchronized (cache) {
            for (int i = 0; i < toEmbed.size(); i++) {
                found.put(toEmbed.get(i), embedded.get(i));
                cache.put(toEmbed.get(i), embedded.get(i));
            }
        }
        return texts.stream().map(found::get).toList();
    }

    private static Map<String, float[]> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > MAX_TEXTS;
            }
        };
    }
}
