package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's slow-query log: a sorted walk that read many documents for few matches
 * (an index that serves the sort but not the filter) is logged, at most once a minute per filter
 * shape, with the index it walked. No test with a handful of documents can see such a plan; a store
 * of 100,000 can, in the log. Values never appear, only the filter's shape.
 */
final class WideReads {

    private static final Logger LOG = LoggerFactory.getLogger(WideReads.class);
    /** Reads from which a walk is worth a line, and the share of them that must have matched. */
    static final int LEAST_READS = 5_000;
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final ConcurrentHashMap<String, Long> LAST = new ConcurrentHashMap<>();

    private WideReads() {
    }

    static void note(String collection, Document filter, Document orderBy, String plan, int read, int matched) {
        if (read < LEAST_READS || matched * 10L >= read) {
            return;
        }
        String shape = collection + " " + QueryLog.shape(filter) + " sort " + orderBy;
        long now = System.nanoTime();
        Long last = LAST.get(shape);
        if (last != null && now - last < QUIET_NANOS || LAST.size() > 1_000) {
            return;
        }
        LAST.put(shape, now);
        LOG.warn("Embedded store: a sorted walk of {} read {} documents for {} matches (index {}; filter {})",
                collection, read, matched, plan, shape);
    }
}
