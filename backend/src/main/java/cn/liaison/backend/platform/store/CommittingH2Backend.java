package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, changed so that a write is on disk before the client hears it
 * succeeded. The stock backend leaves commits to MVStore's background auto-commit, so a
 * {@code kill -9} loses about the last second of acknowledged writes. Here every command that left
 * unsaved changes is committed before its reply is returned to the wire handler. Its databases
 * plan queries on indexes as a real MongoDB would (see {@link IndexedH2Collection}).
 */
final class CommittingH2Backend extends H2Backend {

    /** Upstream's constructor already opens the stored databases, before this class's fields are set. */
    private record Opening(QueryLog queryLog, IndexStore indexes) {}

    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> UPSTREAM = new ThreadLocal<>();

    MVStore store() {
        return store;
    }

    private final MVStore store;
    private final Opening opening;
    private final boolean upstreamPlanner;

    private CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.opening = OPENING.get();
        this.upstreamPlanner = Boolean.TRUE.equals(UPSTREAM.get());
    }

    /**
     * @param indexes         where the non-unique indexes are kept (null with the upstream planner)
     * @param upstreamPlanner plan queries as upstream does (full scans), for benchmarks that compare
     */
    static CommittingH2Backend open(MVStore store, QueryLog queryLog, IndexStore indexes, boolean upstreamPlanner) {
        OPENING.set(new Opening(queryLog, indexes));
        UPSTREAM.set(upstreamPlanner);
        try {
            return new CommittingH2Backend(store);
        } finally {
            OPENING.remove();
            UPSTREAM.remove();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        Opening current = opening != null ? opening : OPENING.get();
        if (opening != null ? upstreamPlanner : Boolean.TRUE.equals(UPSTREAM.get())) {
            return super.openOrCreateDatabase(databaseName);
        }
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(), current.queryLog(), current.indexes());
    }

    /**
     * Fills the indexes not kept from a clean stop, for every stored collection; called once at open, before the server
     * accepts a connection. Built lazily instead, the first query after a start held the database
     * for the whole pass (seconds at 100,000 requests) while the driver's heartbeats and every other
     * call timed out behind it, and a start with 100,000 requests stored failed.
     *
     * @return documents read
     */
    long buildIndexes() {
        long read = 0;
        for (String name : listDatabaseNames()) {
            if (resolveDatabase(name) instanceof IndexedH2Database database) {
                read += database.buildIndexes();
            }
        }
        return read;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        // A command reads one version of the store; registering it keeps MVStore from reusing the
        // chunks that version needs while writes go on. Unregistered, a long read (a scan, an
        // aggregation over a month) under write load could fail with "Chunk … not found".
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleMessage(message);
        } finally {
            store.deregisterVersionUsage(reading);
            commitIfChanged();
        }
    }

    /** In every error a store that closed itself sends; {@code StoreOutage} answers it with 503. */
    static final String CLOSED_MESSAGE = "store-unavailable: the embedded store's file is closed (disk full or I/O error)";

    /** Whether MVStore closed itself after a failed write (it does on disk full), as opposed to our close. */
    boolean storeClosed() {
        return store.isClosed();
    }

    /** Closes the file as MVStore does after a failed write: a disk-full drill for tests. */
    void closeLikeAFailedWrite() {
        store.closeImmediately();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (store.isClosed()) {
            // Also fails "ping", so readiness reports the store down instead of 200.
            throw new de.bwaldvogel.mongo.exception.MongoServerException(CLOSED_MESSAGE);
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        if (!store.isClosed() && store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
