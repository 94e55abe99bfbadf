package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB: mongo-java-server on its H2 MVStore backend, one file under the data
 * directory, listening on a free loopback port. Writes are committed before they are acknowledged
 * (see {@link CommittingH2Backend}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    /**
     * The read cache, in MB: an eighth of the heap, between 32 and 512. Documents are cached as
     * their BSON ({@link StoredBson}), so this is close to the heap it takes; at 2 KB a request, a
     * 2 GB heap keeps 100,000 requests' documents in it.
     */
    static int cacheMb(long maxHeapBytes) {
        return (int) Math.max(32, Math.min(512, maxHeapBytes / 8 / (1024 * 1024)));
    }
    /** The non-unique indexes' file beside the data ({@link IndexStore}); a restore deletes it. */
    public static final String INDEX_FILE = "liaison-indexes.mv.db";

    private final MongoServer server;
    private final CommittingH2Backend backend;
    private final IndexStore indexes;
    private final Path file;
    private final InetSocketAddress address;
    private final QueryLog queryLog;

    private EmbeddedMongo(MongoServer server, CommittingH2Backend backend, IndexStore indexes, Path file,
                          InetSocketAddress address, QueryLog queryLog, long indexedAtStart) {
        this.server = server;
        this.backend = backend;
        this.indexes = indexes;
        this.indexedAtStart = indexedAtStart;
        this.file = file;
        this.address = address;
        this.queryLog = queryLog;
    }

    public static EmbeddedMongo start(Path dataDir) throws IOException {
        return start(dataDir, false);
    }

    /** @param upstreamPlanner mongo-java-server's own planning (scans), only to measure the difference */
    static EmbeddedMongo start(Path dataDir, boolean upstreamPlanner) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        Path file = dir.resolve("liaison.mv.db");
        // the read cache (MB) holds the hot documents and B-tree pages; upstream's default is 16
        MVStore store = new MVStore.Builder().fileName(file.toString())
                .cacheSize(upstreamPlanner ? 16 : cacheMb(Runtime.getRuntime().maxMemory())).open();
        QueryLog queryLog = new QueryLog();
        IndexStore indexes = upstreamPlanner ? null
                : IndexStore.open(dir.resolve(INDEX_FILE), store.getCurrentVersion());
        CommittingH2Backend backend = CommittingH2Backend.open(store, queryLog, indexes, upstreamPlanner);
        long read = 0;
        if (indexes != null) {
            long begin = System.nanoTime();
            read = backend.buildIndexes();
            if (read > 0) {
                LOG.info("Embedded MongoDB: indexes built from {} stored documents in {} ms ({})", read,
                        (System.nanoTime() - begin) / 1_000_000, indexes.trusted() ? "new indexes"
                                : "the index file did not match the data: no clean stop before this start");
            }
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(server, backend, indexes, file, server.getLocalAddress(), queryLog, read);
    }

    private final long indexedAtStart;

    /** Documents read at start to build indexes: 0 after a clean stop with no new index. */
    long indexedAtStart() {
        return indexedAtStart;
    }

    /** The filter shapes asked so far and the index that served each (for tests and benchmarks). */
    public QueryLog queryLog() {
        return queryLog;
    }

    /**
     * The in-process server's address. Its connect timeout is also the driver's heartbeat read
     * timeout: a connection never takes long to open here, but one long command (an aggregation over
     * a month, a search rebuild's first batch) stalls the server's I/O threads, and a heartbeat that
     * timed out behind it made the driver drop the server and fail every call in flight.
     */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/?connectTimeoutMS=30000";
    }

    /**
     * A consistent copy of the store as of its last commit, written as a zip while the service runs
     * (MVStore's online backup: chunks written meanwhile are appended, not reused, until it is done).
     */
    public void backup(java.util.zip.ZipOutputStream out) {
        org.h2.mvstore.MVStore store = backend.store();
        store.executeFilestoreOperation(() -> {
            try {
                store.getFileStore().backup(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public Path file() {
        return file;
    }

    /**
     * Whether the store's file closed under the running server (MVStore closes itself for good when
     * a write fails, e.g. on a full disk). The process cannot recover from that; {@link StoreWatch}
     * ends it so a supervisor restarts it once space is back.
     */
    public boolean failed() {
        return !closed && backend.storeClosed();
    }

    /** Closes the file the way a failed write does: a disk-full drill. */
    public void failLikeAFullDisk() {
        backend.closeLikeAFailedWrite();
    }

    private volatile boolean closed;

    /** Once; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        boolean failed = backend.storeClosed(); // before the server's shutdown, which closes the file too
        closed = true;
        server.shutdown();
        backend.close();
        if (indexes != null) {
            if (failed) {
                indexes.close(); // the data file died under us: rebuild from it next time
            } else {
                long begin = System.nanoTime();
                if (indexes.closeClean(backend.store().getCurrentVersion())) {
                    LOG.info("Embedded MongoDB: index file written afresh from its live entries in {} ms",
                            (System.nanoTime() - begin) / 1_000_000);
                }
            }
        }
    }
}
