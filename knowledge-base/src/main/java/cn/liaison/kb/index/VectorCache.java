package cn.liaison.kb.index;

import java.nio.file.Path;
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
 * embeds the texts that changed, and, once {@link #keepIn} names a file, between runs
 * ({@link VectorFile}). Bounded (least recently used first out); user questions never enter it.
 */
final class VectorCache {
    static final int MAX_TEXTS = 20_000;

    private static final Map<Embedder, Map<String, float[]>> CACHES = new WeakHashMap<>();
    private static final Map<Embedder, VectorFile> FILES = new WeakHashMap<>();
    private static volatile Path directory;
    private static final java.util.concurrent.atomic.AtomicLong EMBEDDED = new java.util.concurrent.atomic.AtomicLong();

    private VectorCache() {
    }

    /**
     * Keeps vectors in {@code dir} between runs from now on (one file per model); vectors already
     * there are used by the next build.
     */
    static void keepIn(Path dir) {
        synchronized (CACHES) {
            directory = dir;
            FILES.clear(); // vectors already in memory stay: the next embedding writes them to the new file
        }
    }

    /** Texts embedded by the model so far in this JVM (not found in memory or in the file). */
    static long embedded() {
        return EMBEDDED.get();
    }

    /** The vectors of {@code texts}, in order, embedding only the ones not cached yet. */
    static List<float[]> embedAll(Embedder embedder, List<String> texts) {
        Map<String, float[]> cache;
        VectorFile file;
        synchronized (CACHES) {
            cache = CACHES.computeIfAbsent(embedder, e -> lru());
            if (directory != null && !FILES.containsKey(embedder)) {
                VectorFile opened = new VectorFile(
                        directory.resolve("vectors-" + embedder.getClass().getSimpleName() + "-" + embedder.dimension() + ".bin"), embedder);
                FILES.put(embedder, opened);
                Map<String, float[]> stored = opened.load();
                synchronized (cache) {
                    stored.forEach(cache::putIfAbsent);
                }
            }
            file = directory == null ? null : FILES.get(embedder);
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
        EMBEDDED.addAndGet(toEmbed.size());
        Map<String, float[]> added = new LinkedHashMap<>();
        Map<String, float[]> kept;
        synchronized (cache) {
            for (int i = 0; i < toEmbed.size(); i++) {
                found.put(toEmbed.get(i), embedded.get(i));
                cache.put(toEmbed.get(i), embedded.get(i));
                added.put(toEmbed.get(i), embedded.get(i));
            }
            kept = file == null || added.isEmpty() ? Map.of() : new LinkedHashMap<>(cache);
        }
        if (file != null && !added.isEmpty()) {
            file.append(added, kept, MAX_TEXTS);
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
