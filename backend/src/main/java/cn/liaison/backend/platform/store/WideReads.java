package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's slow-query log: a full scan of many documents, or a sorted walk that read
 * ten times more documents than its page wanted (an index that serves the sort but not the filter,
 * or ties on the sort key read to their end), is logged, at most once a minute per filter shape,
 * with the index it walked. The outbox backlog gauge's filter had no index and read every request
 * every 15 s, unseen until a profile of a load run. No test with a handful of documents can see
 * such a plan; a store of 100,000 can, in the log. Values never appear, only the filter's shape.
 */
final class WideReads {

    private static final Logger LOG = LoggerFactory.getLogger(WideReads.class);
    /** Reads from which a read is worth a line. */
    static final int LEAST_READS = 5_000;
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final ConcurrentHashMap<String, Long> LAST = new ConcurrentHashMap<>();

    private WideReads() {
    }

    /**
     * @param wanted what the read was for (skip plus limit of a sorted walk); 0 for a full scan, which
     *               is worth a line whatever it found
     */
    static void note(String collection, Document filter, Document orderBy, String plan, int read, int wanted) {
        if (read < LEAST_READS || read <= 10L * wanted) {
            return;
        }
        String shape = collection + " " + QueryLog.shape(filter, orderBy);
        long now = System.nanoTime();
        Long last = LAST.get(shape);
        if (last != null && now - last < QUIET_NANOS || LAST.size() > 1_000) {
            return;
        }
        LAST.put(shape, now);
        LOG.warn("Embedded store: a read of {} went through {} documents (index {}; filter {}): give it an index",
                collection, read, plan, shape);
    }
}
