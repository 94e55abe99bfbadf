package cn.liaison.backend.platform.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** An index where some document has more than one entry (an array field): counted by walking it. */
    private static final String MULTIKEY = "multikey:";
    /** What the file records: 2 = entries, built and multikey records. */
    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION = "2";
    private static final String INDEX = "index:";
    private static final int CACHE_MB = 64;

    private final MVStore store;
    private final Path file;
    private final MVMap<String, String> meta;
    private final boolean trusted;
    private final Set<String> builtAtOpen = ConcurrentHashMap.newKeySet();

    private IndexStore(MVStore store, Path file, long dataVersion) {
        this.store = store;
        this.file = file;
        this.meta = store.openMap(META);
        String cleanAt = meta.remove(CLEAN_AT);
        // a file written before multikey records were kept is rebuilt once, so its counts can trust them
        this.trusted = cleanAt != null && cleanAt.equals(Long.toString(dataVersion)) && FORMAT_VERSION.equals(meta.get(FORMAT));
        meta.put(FORMAT, FORMAT_VERSION);
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
            new ArrayList<>(meta.keySet()).stream().filter(k -> k.startsWith(BUILT) || k.startsWith(MULTIKEY))
                    .forEach(meta::remove);
        }
        store.commit(); // the record is gone on disk before anything may change the data
    }

    /**
     * Pages are compressed (LZF): entries repeat their keys' structure and prefixes, and a page is
     * decompressed only when it is read into the cache.
     *
     * @param dataVersion the data file's current version, just after it opened
     */
    static IndexStore open(Path file, long dataVersion) throws IOException {
        Files.deleteIfExists(rewriting(file)); // a rewrite a crash cut short; the file itself is untouched
        return new IndexStore(builder(file).open(), file, dataVersion);
    }

    /**
     * Background commits wait for {@value #COMMIT_BUFFER_KB} KB of changed pages (MVStore's default
     * is 1 MB): every commit writes each changed page whole, and index entries land on pages all over
     * each index, so a bulk of writes committed in small steps wrote most of every index again at each
     * step. Nothing is lost by waiting: the file is trusted only after a clean stop.
     */
    private static MVStore.Builder builder(Path file) {
        return new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitBufferSize(COMMIT_BUFFER_KB)
                .compress();
    }

    private static final int COMMIT_BUFFER_KB = 16 * 1024;

    private static Path rewriting(Path file) {
        return file.resolveSibling(file.getFileName() + ".rewrite");
    }

    /** Whether the indexes matched the data when this store opened (a clean stop before). */
    boolean trusted() {
        return trusted;
    }

    /** The map of one index, e.g. {@code liaison.requests/status_1_activeDueAt_1}. */
    MVMap<IndexEntryType.Entry, Boolean> map(String index) {
        return store.openMap(INDEX + index, entries());
    }

    /** Whether this index was complete at the last clean stop, so it needs no pass over the documents. */
    boolean builtAtOpen(String index) {
        return builtAtOpen.contains(index);
    }

    /** Writes what changed now, as a background commit would (tests build a file's history with it). */
    void commit() {
        store.commit();
    }

    void markBuilt(String index) {
        meta.put(BUILT + index, "1");
    }

    /** Whether the index had a document with several entries when it was last kept (see {@link #markMultikey}). */
    boolean multikey(String index) {
        return meta.containsKey(MULTIKEY + index);
    }

    /** Recorded once an index holds a document under several entries; cleared when it is rebuilt. */
    void markMultikey(String index, boolean multikey) {
        if (multikey) {
            meta.put(MULTIKEY + index, "1");
        } else {
            meta.remove(MULTIKEY + index);
        }
    }

    void drop(String index) {
        meta.remove(BUILT + index);
        meta.remove(MULTIKEY + index);
        builtAtOpen.remove(index);
        if (store.hasMap(INDEX + index)) {
            store.removeMap(INDEX + index);
        }
    }

    /**
     * After the data file closed: the indexes match its final version. Entries land on pages all
     * over each index, so background commits leave chunks of mostly stale pages behind; compacting
     * them in place takes time in proportion to the stale pages, and with a time limit the file's size
     * depended on the machine's speed (400 B to 5 KB a request at 100,000 requests). So a file less
     * than {@value #LIVE_PERCENT}% live is instead written afresh from its live entries, in time
     * proportional to them, and moved over the old one; a crash in between leaves the old file, whose
     * record still says it matches.
     *
     * @return whether the file was rewritten
     */
    boolean closeClean(long dataVersion) {
        return closeClean(dataVersion, REWRITE_FROM_BYTES);
    }

    /** @param rewriteFrom the file size from which a mostly stale file is rewritten */
    boolean closeClean(long dataVersion, long rewriteFrom) {
        meta.put(CLEAN_AT, Long.toString(dataVersion));
        store.commit();
        long size = store.getFileStore().size();
        int live = store.getFileStore().getFillRate() * store.getFileStore().getChunksFillRate() / 100;
        if (size < rewriteFrom || live >= LIVE_PERCENT) {
            store.close();
            return false;
        }
        Path fresh = rewriting(file);
        try {
            Files.deleteIfExists(fresh);
            try (MVStore target = builder(fresh).autoCommitDisabled().open()) {
                MVMap<String, String> copiedMeta = target.openMap(META);
                copiedMeta.putAll(meta);
                for (String name : store.getMapNames()) {
                    if (name.startsWith(INDEX)) {
                        copy(store.openMap(name, entries()), target.openMap(name, entries()), target);
                    }
                }
                target.commit();
            }
            store.close();
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException failed) {
            // the old file stands, as compacted as it was: still correct, only larger
            store.close();
            try {
                Files.deleteIfExists(fresh);
            } catch (IOException ignored) {
                // the next open deletes it
            }
            return false;
        }
    }

    /** Files under this are not worth a rewrite. */
    private static final long REWRITE_FROM_BYTES = 4L << 20;
    private static final int LIVE_PERCENT = 60;

    /** In key order; committed every so many entries, so the pages in memory stay few. */
    private static void copy(MVMap<IndexEntryType.Entry, Boolean> from, MVMap<IndexEntryType.Entry, Boolean> to,
                             MVStore target) {
        int copied = 0;
        for (IndexEntryType.Entry entry : from.keySet()) {
            to.put(entry, Boolean.TRUE);
            if (++copied % 200_000 == 0) {
                target.commit();
            }
        }
    }

    private static MVMap.Builder<IndexEntryType.Entry, Boolean> entries() {
        return new MVMap.Builder<IndexEntryType.Entry, Boolean>().keyType(IndexEntryType.INSTANCE)
                .valueType(Presence.INSTANCE);
    }

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
