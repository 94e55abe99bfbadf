package cn.liaison.backend.platform.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Where the embedded store's non-unique indexes ({@link OrderedIndex}) live: one MVStore map per
 * index, in a file of their own next to the data ({@code liaison-indexes.mv.db}).
 *
 * <p>Kept on disk so that a start reads no documents: held on the heap instead, 100,000 requests
 * took 21 s to index at every start and about 1.7 GB of heap that the collector kept copying. The
 * index file is written in the background, never on a write's path: the data file alone is
 * committed before a write is acknowledged. So the indexes are trusted only after a clean stop:
 * closing records which version of the data they match, and opening erases that record. A start
 * after a crash, a restored backup or a lost index file finds no matching record and rebuilds every
 * index from the documents, as before.
 */
final class IndexStore implements AutoCloseable {

    private static final String META = "meta";
    /** The data file's version the indexes matched at the last clean stop. */
    private static final String CLEAN_AT = "cleanAtDataVersion";
    private static final String BUILT = "built:";
    private static final String INDEX = "index:";
    private static final int CACHE_MB = 64;

    private final MVStore store;
    private final MVMap<String, String> meta;
    private final boolean trusted;
    private final Set<String> builtAtOpen = ConcurrentHashMap.newKeySet();

    private IndexStore(MVStore store, long dataVersion) {
        this.store = store;
        this.meta = store.openMap(META);
        String cleanAt = meta.remove(CLEAN_AT);
        this.trusted = cleanAt != null && cleanAt.equals(Long.toString(dataVersion));
        if (trusted) {
            for (String key : meta.keySet()) {
                if (key.startsWith(BUILT)) {
                    builtAtOpen.add(key.substring(BUILT.length()));
                }
            }
        } else {
            for (String name : new ArrayList<>(store.getMapNames())) {
                if (name.startsWith(INDEX)) {
                    store.removeMap(name);
                }
            }
            new ArrayList<>(meta.keySet()).stream().filter(k -> k.startsWith(BUILT)).forEach(meta::remove);
        }
        store.commit(); // the record is gone on disk before anything may change the data
    }

    /**
     * Pages are compressed (LZF): entries repeat their keys' structure and prefixes, and a page is
     * decompressed only when it is read into the cache.
     *
     * @param dataVersion the data file's current version, just after it opened
     */
    static IndexStore open(Path file, long dataVersion) {
        return new IndexStore(new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .compress().open(), dataVersion);
    }

    /** Whether the indexes matched the data when this store opened (a clean stop before). */
    boolean trusted() {
        return trusted;
    }

    /** The map of one index, e.g. {@code liaison.requests/status_1_activeDueAt_1}. */
    MVMap<IndexEntryType.Entry, Boolean> map(String index) {
        return store.openMap(INDEX + index, new MVMap.Builder<IndexEntryType.Entry, Boolean>()
                .keyType(IndexEntryType.INSTANCE).valueType(Presence.INSTANCE));
    }

    /** Whether this index was complete at the last clean stop, so it needs no pass over the documents. */
    boolean builtAtOpen(String index) {
        return builtAtOpen.contains(index);
    }

    void markBuilt(String index) {
        meta.put(BUILT + index, "1");
    }

    void drop(String index) {
        meta.remove(BUILT + index);
        builtAtOpen.remove(index);
        if (store.hasMap(INDEX + index)) {
            store.removeMap(INDEX + index);
        }
    }

    /**
     * After the data file closed: the indexes match its final version. Up to {@value #COMPACT_MS} ms
     * go to compacting the file: entries land in random pages, so every background write leaves
     * chunks of mostly stale pages behind.
     */
    void closeClean(long dataVersion) {
        meta.put(CLEAN_AT, Long.toString(dataVersion));
        store.commit();
        store.compactFile(COMPACT_MS);
        store.close();
    }

    private static final int COMPACT_MS = 3_000;

    /** Without the record: the next start rebuilds. */
    @Override
    public void close() {
        if (!store.isClosed()) {
            store.closeImmediately();
        }
    }

    /** The value of every index entry: its presence. Nothing is written for it. */
    private static final class Presence extends org.h2.mvstore.type.BasicDataType<Boolean> {
        static final Presence INSTANCE = new Presence();

        @Override
        public int getMemory(Boolean value) {
            return 0;
        }

        @Override
        public void write(org.h2.mvstore.WriteBuffer buff, Boolean value) {
            // presence only
        }

        @Override
        public Boolean read(java.nio.ByteBuffer buff) {
            return Boolean.TRUE;
        }

        @Override
        public Boolean[] createStorage(int size) {
            return new Boolean[size];
        }
    }
}
