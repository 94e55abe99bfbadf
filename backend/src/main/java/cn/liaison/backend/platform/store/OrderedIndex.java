package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique (secondary) index for the embedded store, which upstream accepts and ignores. Kept in
 * memory as a sorted map from key values to document positions, so it serves equality, {@code $in},
 * range and sort-order walks. It is not persisted: after a restart it is rebuilt in one pass over
 * the collection, on the first query that needs it ({@link IndexedH2Collection}).
 */
final class OrderedIndex extends Index<Object> {

    /** Bound markers below and above every stored value; only ever used in search keys. */
    enum Bound { MIN, MAX }

    static final Comparator<KeyValue> ORDER = OrderedIndex::compareKeys;

    private final TreeMap<KeyValue, Set<Object>> entries = new TreeMap<>(ORDER);
    private long count;
    private boolean built;

    OrderedIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
    }

    List<String> keyNames() {
        return keys();
    }

    synchronized boolean isBuilt() {
        return built;
    }

    /** Fills the index from all documents; called with the collection's lock held. */
    synchronized void rebuild(Iterable<Map.Entry<Object, Document>> documents) {
        entries.clear();
        count = 0;
        built = true;
        for (Map.Entry<Object, Document> entry : documents) {
            add(entry.getValue(), entry.getKey(), null);
        }
    }

    /** A stored key and one position at it, as yielded by {@link #walk}. */
    record Entry(KeyValue key, Object position) {}

    /**
     * Walks entries in key order between two search keys (inclusive), lazily: a sorted plan with a
     * limit stops after the few it needs instead of copying the whole range. Only valid while the
     * caller holds the collection's lock (every query and write does), as no write can interleave.
     */
    Iterator<Entry> walk(KeyValue from, KeyValue to, boolean descending) {
        NavigableMap<KeyValue, Set<Object>> range = entries.subMap(from, true, to, true);
        Iterator<Map.Entry<KeyValue, Set<Object>>> keys = (descending ? range.descendingMap() : range).entrySet().iterator();
        return new Iterator<>() {
            private KeyValue key;
            private Iterator<Object> atKey = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!atKey.hasNext() && keys.hasNext()) {
                    Map.Entry<KeyValue, Set<Object>> next = keys.next();
                    key = next.getKey();
                    atKey = next.getValue().iterator();
                }
                return atKey.hasNext();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return new Entry(key, atKey.next());
            }
        };
    }

    /**
     * Positions in key order between two search keys (inclusive; built with {@link Bound} markers so
     * they never equal a stored key), descending if asked. Each position once, at its first key.
     */
    synchronized List<Object> positions(KeyValue from, KeyValue to, boolean descending) {
        NavigableMap<KeyValue, Set<Object>> range = entries.subMap(from, true, to, true);
        if (descending) {
            range = range.descendingMap();
        }
        LinkedHashSet<Object> positions = new LinkedHashSet<>();
        for (Set<Object> atKey : range.values()) {
            positions.addAll(atKey);
        }
        return new ArrayList<>(positions);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // only unique indexes name a single position
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // non-unique: nothing to reject
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : getKeyValues(document)) {
            if (entries.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position)) {
                count++;
            }
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object id = document.get("_id");
        for (KeyValue key : getKeyValues(document)) {
            Set<Object> atKey = entries.get(key);
            if (atKey != null && atKey.remove(id)) {
                count--;
                if (atKey.isEmpty()) {
                    entries.remove(key);
                }
            }
        }
        return id;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // planned by IndexedH2Collection, which knows ranges, prefixes and sorts
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("use positions(from, to, descending)");
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    /** Not yet built reads as non-empty so that upstream does not build it one index at a time. */
    @Override
    public synchronized boolean isEmpty() {
        return built && count == 0;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // non-unique: nothing to reject
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        count = 0;
    }

    static KeyValue searchKey(Collection<?> values) {
        return new KeyValue(values);
    }

    private static int compareKeys(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.size() == b.size()) {
            return 0;
        }
        // a search key is longer by one marker: MIN sorts it before the stored key, MAX after
        boolean aLonger = a.size() > b.size();
        Object extra = aLonger ? a.get(shared) : b.get(shared);
        int longerFirst = extra == Bound.MIN ? -1 : 1;
        return aLonger ? longerFirst : -longerFirst;
    }

    /** Same order as upstream's ValueComparator, with the common same-type cases first (it is the hot loop). */
    static int compareValues(Object x, Object y) {
        if (x instanceof String a && y instanceof String b) {
            return a.compareTo(b);
        }
        if (x instanceof Instant a && y instanceof Instant b) {
            return a.compareTo(b);
        }
        if (x instanceof Double a && y instanceof Double b && !a.isNaN() && !b.isNaN()) {
            return Double.compare(a, b);
        }
        if (x instanceof Bound || y instanceof Bound) {
            int rx = x == Bound.MIN ? -1 : x == Bound.MAX ? 1 : 0;
            int ry = y == Bound.MIN ? -1 : y == Bound.MAX ? 1 : 0;
            return Integer.compare(rx, ry);
        }
        return ValueComparator.asc().compare(x, y);
    }
}
