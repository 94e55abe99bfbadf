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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique (secondary) index for the embedded store, which upstream accepts and ignores. Its
 * entries (key values, then the document's position) are kept sorted in an MVStore map of the
 * {@link IndexStore}, so it serves equality, {@code $in}, range and sort-order walks without holding
 * the index on the heap. After a clean stop it is used as it was left; otherwise it is rebuilt in one
 * pass over the collection when the store opens ({@link IndexedH2Collection}).
 */
final class OrderedIndex extends Index<Object> {

    /** Bound markers below and above every stored value; only ever used in search keys. */
    enum Bound { MIN, MAX }

    private final MVMap<IndexEntryType.Entry, Boolean> entries;
    private final IndexStore store;
    private final String storedName;
    private boolean built;
    /** Some document has more than one entry here; until then, each document has at most one. */
    private boolean multikey;
    /** Entries collected by a rebuild's pass, put in key order when it ends. */
    private List<IndexEntryType.Entry> collected;

    /** @param storedName the index's name in the {@link IndexStore}: collection namespace and index name */
    OrderedIndex(String name, List<IndexKey> keys, IndexStore store, String storedName) {
        super(name, keys, false);
        this.store = store;
        this.storedName = storedName;
        this.entries = store.map(storedName);
        this.built = store.builtAtOpen(storedName);
        this.multikey = built && store.multikey(storedName);
    }

    List<String> keyNames() {
        return keys();
    }

    synchronized boolean isBuilt() {
        return built;
    }

    /**
     * Empties the index before a pass over all documents {@link #collect}s them; called with the
     * collection's lock held, so no write interleaves until {@link #finishRebuild}.
     */
    synchronized void startRebuild() {
        entries.clear();
        built = false;
        multikey = false;
        store.markMultikey(storedName, false);
        collected = new ArrayList<>();
    }

    /** During a rebuild: one document's entries, kept until the pass ends. */
    synchronized void collect(Document document, Object position) {
        Set<KeyValue> keys = getKeyValues(document);
        noteEntries(keys.size());
        for (KeyValue key : keys) {
            collected.add(new IndexEntryType.Entry(key, position));
        }
    }

    /**
     * The pass is complete: its entries go into the map in key order (each put then extends the last
     * page instead of copying a random one; in document order, 100,000 requests took minutes), and a
     * clean stop keeps the index.
     */
    synchronized void finishRebuild() {
        if (collected != null) {
            collected.sort(IndexEntryType.INSTANCE::compare);
            for (IndexEntryType.Entry entry : collected) {
                entries.put(entry, Boolean.TRUE);
            }
            collected = null;
        }
        built = true;
        store.markBuilt(storedName);
    }

    /** A stored key and one position at it, as yielded by {@link #walk}. */
    record Entry(KeyValue key, Object position) {}

    /**
     * Walks entries in key order between two search keys (inclusive), lazily: a sorted plan with a
     * limit stops after the few it needs instead of copying the whole range. Only valid while the
     * caller holds the collection's lock (every query and write does), as no write can interleave.
     */
    Iterator<Entry> walk(KeyValue from, KeyValue to, boolean descending) {
        IndexEntryType.Entry low = new IndexEntryType.Entry(from, null);
        IndexEntryType.Entry high = new IndexEntryType.Entry(to, null);
        Cursor<IndexEntryType.Entry, Boolean> cursor = descending ? entries.cursor(high, low, true)
                : entries.cursor(low, high, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Entry next() {
                IndexEntryType.Entry next = cursor.next();
                return new Entry(next.key(), next.position());
            }
        };
    }

    /**
     * Positions in key order between two search keys (inclusive; built with {@link Bound} markers so
     * they never equal a stored key), descending if asked. Each position once, at its first key.
     */
    synchronized List<Object> positions(KeyValue from, KeyValue to, boolean descending) {
        LinkedHashSet<Object> positions = new LinkedHashSet<>();
        walk(from, to, descending).forEachRemaining(entry -> positions.add(entry.position()));
        return new ArrayList<>(positions);
    }

    private void noteEntries(int count) {
        if (count > 1 && !multikey) {
            multikey = true;
            store.markMultikey(storedName, true);
        }
    }

    /** Whether a document may have several entries here, so that entries are not documents. */
    synchronized boolean multikey() {
        return multikey;
    }

    /**
     * How many entries lie between two search keys, from the B-tree's counts (each page knows how
     * many entries are under it): logarithmic in the index's size, where walking the range grew
     * with it (a liaison's open tasks, counted for every new request).
     */
    synchronized long count(KeyValue from, KeyValue to) {
        return insertionPoint(new IndexEntryType.Entry(to, null)) - insertionPoint(new IndexEntryType.Entry(from, null));
    }

    /** Search keys never equal an entry, so the map answers where the key would go. */
    private long insertionPoint(IndexEntryType.Entry searchKey) {
        long index = entries.getKeyIndex(searchKey);
        return index < 0 ? -index - 1 : index;
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
        put(getKeyValues(document), position);
    }

    private void put(Set<KeyValue> keys, Object position) {
        noteEntries(keys.size());
        for (KeyValue key : keys) {
            entries.put(new IndexEntryType.Entry(key, position), Boolean.TRUE);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object id = document.get("_id");
        removeAll(getKeyValues(document), id);
        return id;
    }

    private void removeAll(Set<KeyValue> keys, Object id) {
        for (KeyValue key : keys) {
            entries.remove(new IndexEntryType.Entry(key, id));
        }
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
        return entries.sizeAsLong();
    }

    /** Not yet built reads as non-empty so that upstream does not build it one index at a time. */
    @Override
    public synchronized boolean isEmpty() {
        return built && entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // non-unique: nothing to reject
    }

    /**
     * Moves the document's entries if the values this index reads changed. Most updates change none
     * of them (an outbox mark, a note, a rating for most indexes): a field at the head of each key
     * path that holds an equal value before and after settles it without computing any key. Otherwise
     * the keys before and after are computed once each; upstream's default computed each twice (to
     * compare, then to remove and add), and key computation (paths split by a regular expression,
     * streams) was 15% of what a create allocated under load, on the store's threads.
     */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (sameFieldsRead(oldDocument, newDocument)) {
            return;
        }
        Set<KeyValue> before = getKeyValues(oldDocument);
        Set<KeyValue> after = getKeyValues(newDocument);
        if (!before.equals(after)) { // a number stored as another type moves to the same place
            removeAll(before, oldDocument.get("_id"));
            put(after, position);
        }
    }

    /** The top-level fields this index's keys start from, each read once. */
    private final List<String> fieldsRead = keys().stream().map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k)
            .distinct().toList();

    /** Whether every top-level field a key of this index starts from is present in both or neither, with equal values. */
    private boolean sameFieldsRead(Document before, Document after) {
        for (String field : fieldsRead) {
            if (before.containsKey(field) != after.containsKey(field)
                    || !java.util.Objects.equals(before.get(field), after.get(field))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void drop() {
        store.drop(storedName);
    }

    static KeyValue searchKey(Collection<?> values) {
        return new KeyValue(values);
    }

    static int compareKeys(KeyValue a, KeyValue b) {
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
