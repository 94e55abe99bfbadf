package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distinct filter shapes the embedded store was asked, per collection, with the index that
 * served each (or {@code scan}). A shape keeps field names and operators and drops the values, so
 * the set stays small (capped) however long the service runs. Tests read it to prove that the
 * service's queries are served by an index.
 */
public final class QueryLog {

    /** One shape and how it was served: an index name, {@code unique}, {@code all} or {@code scan}. */
    public record Entry(String collection, String shape, String plan) {
        public boolean scanned() {
            return plan.equals("scan");
        }
    }

    private static final int MAX_SHAPES = 2_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void record(String collection, Document filter, Document orderBy, String plan) {
        put(collection, shape(filter, orderBy), plan);
    }

    /** A find's shape: the filter's, then its sort if any (values never appear). */
    static String shape(Document filter, Document orderBy) {
        return shape(filter) + (orderBy == null || orderBy.isEmpty() ? "" : " sort " + orderBy.toString());
    }

    /**
     * A count answered from {@code index} alone, without reading documents: by walking its entries,
     * or {@code byRank} from the B-tree's page counts.
     */
    void recordCount(String collection, Document filter, String index, boolean byRank) {
        put(collection, shape(filter) + (byRank ? BY_RANK : "") + " " + COUNTED, index);
    }

    /** In the shape of a count taken from the index's B-tree counts, without walking its entries. */
    public static final String BY_RANK = " (by rank)";

    /** How the shape of a count answered from an index alone ends. */
    public static final String COUNTED = "counted from the index";

    private void put(String collection, String shape, String plan) {
        if (collection.startsWith("system.")) {
            return; // the store's own catalogue: a few documents
        }
        String key = collection + " " + shape;
        if (entries.size() < MAX_SHAPES || entries.containsKey(key)) {
            entries.merge(key, new Entry(collection, shape, plan),
                    (old, now) -> old.scanned() ? old : now); // a scan once seen stays visible
        }
    }

    public List<Entry> entries() {
        return new TreeMap<>(entries).values().stream().toList();
    }

    public void clear() {
        entries.clear();
    }

    static String shape(Object value) {
        if (value instanceof Document document) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, Object> e : document.entrySet()) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(e.getKey()).append(": ").append(e.getKey().startsWith("$") || e.getValue() instanceof Document
                        ? shape(e.getValue()) : "?");
            }
            return out.append('}').toString();
        }
        if (value instanceof Collection<?> items) {
            if (!items.isEmpty() && items.iterator().next() instanceof Document) {
                StringBuilder out = new StringBuilder("[");
                for (Object item : items) {
                    out.append(out.length() > 1 ? ", " : "").append(shape(item));
                }
                return out.append(']').toString();
            }
            return "[?]";
        }
        return "?";
    }
}
