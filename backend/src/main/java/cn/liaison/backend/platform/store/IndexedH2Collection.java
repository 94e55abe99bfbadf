package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The H2 collection with a query planner that upstream lacks. Upstream uses an index only when the
 * filter is exactly that index's key, so {@code {_id, version}} scans the whole collection. Here a
 * filter that pins {@code _id} or a unique key serves from that index, a non-unique index
 * ({@link OrderedIndex}) serves equality / {@code $in} prefixes and ranges, and a sort on an indexed
 * field with a limit walks that index in order. Whatever plan is picked, every candidate document is
 * still checked against the whole filter, so a plan can only cost time, never change a result.
 */
final class IndexedH2Collection extends H2Collection {

    private final MVMap<Object, byte[]> dataMap;
    private final QueryLog log;

    /**
     * @param dataMap the documents as BSON ({@link StoredBson}); upstream's methods that read its
     *                own map of decoded documents are all replaced below
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, byte[]> dataMap, MVMap<String, Object> metaMap,
                        CursorRegistry cursorRegistry, QueryLog log) {
        super(database, collectionName, options, (MVMap) dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        this.log = log;
    }

    // ---- the documents, kept as BSON: every method of H2Collection that touches its data map ----

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = dataMap.put(Missing.ofNullable(key), StoredBson.encode(document));
        Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
        return key;
    }

    @Override
    public int count() {
        return dataMap.size();
    }

    @Override
    public boolean isEmpty() {
        return dataMap.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return StoredBson.decode(dataMap.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (dataMap.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        dataMap.put(Missing.ofNullable(position), StoredBson.encode(newDocument));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(StoredBson.decode(entry.getValue()), entry.getKey()));
    }

    /** A full scan, as upstream's: in key order, or in reverse for {@code $natural: -1}. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            documents = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            documents = dataMap.values().stream().map(StoredBson::decode);
        }
        int[] read = {0};
        QueryResult result = matchDocumentsFromStream(documents.peek(d -> read[0]++), query, orderBy, numberToSkip, limit,
                batchSize, fieldSelector);
        WideReads.note(getCollectionName(), query, orderBy, "none: a full scan", read[0], 0);
        return result;
    }

    private record MatchHint(String collection, Document filter) {}

    /** The leading {@code $match} of the aggregation running on this thread (see IndexedH2Database). */
    private static final ThreadLocal<MatchHint> MATCH_HINT = new ThreadLocal<>();

    static void matchHint(String collection, Document filter) {
        if (collection == null) {
            MATCH_HINT.remove();
        } else {
            MATCH_HINT.set(new MatchHint(collection, filter));
        }
    }

    /** Upstream's aggregation reads all documents; with a leading match, only those an index yields. */
    @Override
    public Stream<Document> queryAllAsStream() {
        MatchHint hint = MATCH_HINT.get();
        if (hint == null || !hint.collection().equals(getCollectionName())) {
            return super.queryAllAsStream();
        }
        MATCH_HINT.remove(); // once: a $lookup into this same collection must see everything
        List<Document> matched = new ArrayList<>();
        synchronized (this) {
            queryDocuments(hint.filter(), null, 0, 0, 0, null).forEach(matched::add);
        }
        return matched.stream();
    }

    /**
     * How many documents match {@code filter}, counted from one index without reading a document,
     * or -1 when no index answers it exactly. Exact means: every condition is a string equality or
     * a {@code $in} of strings on a top-level field, and the index's leading keys are exactly those
     * fields (a string equals only itself, in the index's order as in the matcher's; a document
     * missing the field is indexed as null, which no string equals; a document listed under several
     * values of an array field is counted once). A real MongoDB answers the same count from the same
     * index (COUNT_SCAN).
     */
    synchronized long coveredCount(Document filter) {
        if (filter.isEmpty()) {
            return -1;
        }
        for (var entry : filter.entrySet()) {
            if (entry.getKey().startsWith("$") || entry.getKey().contains(".") || !stringCondition(entry.getValue())) {
                return -1;
            }
        }
        buildPendingIndexes();
        IndexPlan plan = IndexPlan.best(orderedIndexes(), Conditions.of(filter), null, 0);
        if (plan == null || plan.range() != null || plan.prefixes().get(0).size() != filter.size()
                || !java.util.Set.copyOf(plan.index().keyNames().subList(0, filter.size())).equals(filter.keySet())) {
            return -1;
        }
        log.recordCount(getCollectionName(), filter, plan.index().getName(), !plan.index().multikey());
        return plan.count();
    }

    private static boolean stringCondition(Object value) {
        if (value instanceof String) {
            return true;
        }
        if (!(value instanceof Document operators) || operators.size() != 1) {
            return false;
        }
        return operators.get("$eq") instanceof String
                || operators.get("$in") instanceof java.util.Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(String.class::isInstance);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        buildPendingIndexes();
        Conditions conditions = Conditions.of(query);
        Document uniqueProbe = uniqueProbe(conditions);
        if (uniqueProbe != null) {
            log.record(getCollectionName(), query, orderBy, "unique");
            return matchDocuments(query, uniqueIndexFor(uniqueProbe).getPositions(uniqueProbe), orderBy,
                    numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexPlan plan = IndexPlan.best(orderedIndexes(), conditions, orderBy, limit);
        OrPlan or = OrPlan.of(orderedIndexes(), query, orderBy, limit);
        if (plan == null || or != null && prefersOr(plan, or, limit)) {
            if (or == null) {
                log.record(getCollectionName(), query, orderBy, query.isEmpty() ? "all" : "scan");
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            log.record(getCollectionName(), query, orderBy, or.indexNames());
            if (or.servesSort() && limit > 0) {
                return firstInOrder(or.walk(), or.sortField(), or.indexNames(), query, orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
            return matchDocuments(query, or.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        log.record(getCollectionName(), query, orderBy, plan.index().getName());
        if (plan.servesSort() && limit > 0) {
            return firstInOrder(plan.walk(), plan.sortField(), plan.index().getName(), query, orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        }
        return matchDocuments(query, plan.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * An {@code $or} whose branches walk the sort beats a plan that must read its whole range and
     * sort it; and branches that each pin more keys than the single plan (a unit head's plans of one
     * status: the area's branches rather than every plan of that status city-wide) beat it, as long
     * as they keep the sort the plan serves.
     */
    private static boolean prefersOr(IndexPlan plan, OrPlan or, int limit) {
        boolean sorted = limit > 0;
        if (sorted && or.servesSort() && !plan.servesSort()) {
            return true;
        }
        return or.score() > plan.score() && (!sorted || or.servesSort() || !plan.servesSort());
    }

    /**
     * Walks positions in sort order and stops once it holds {@code skip + limit} matches: at once when
     * the sort has that one key (ties may come in any order, as in MongoDB), otherwise once the key
     * has moved past the last of them, so that the full sort settles ties on it by the other keys.
     */
    private QueryResult firstInOrder(Iterator<Object> positions, String sortField, String plan, Document query,
                                     Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        List<Document> matched = new ArrayList<>();
        Object lastKey = null;
        int read = 0;
        // sorted on the walked key alone, ties may come in any order: stop at the limit. With a second
        // key, ties on the first are read to the end and the full sort settles them. The SLA scan sorts
        // on activeDueAt alone, and a day's requests share one deadline: it read every open request of
        // that day (70,000 in a load run, 200 MB decoded at once) for a batch of 500
        boolean tiesAnyOrder = orderBy.keySet().size() == 1;
        while (positions.hasNext()) {
            if (tiesAnyOrder && matched.size() >= skip + limit) {
                break;
            }
            read++;
            Document document = getDocument(positions.next());
            if (document == null || !documentMatchesQuery(document, query)) {
                continue;
            }
            Object key = Conditions.normalize(document.get(sortField));
            if (matched.size() >= skip + limit && !Objects.equals(key, lastKey)) {
                break;
            }
            matched.add(document);
            lastKey = key;
        }
        WideReads.note(getCollectionName(), query, orderBy, plan, read, skip + limit);
        Stream<Document> ordered = matched.stream();
        Comparator<Document> comparator = deriveComparator(orderBy);
        return matchDocumentsFromStream(query, ordered, skip, limit, batchSize, comparator, fieldSelector);
    }

    /** A sub-filter of plain equalities that an {@code _id} or unique index answers exactly, if any. */
    private Document uniqueProbe(Conditions conditions) {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof AbstractUniqueIndex<Object>)) {
                continue;
            }
            Document probe = new Document();
            for (var key : index.getKeys()) {
                Conditions.Condition c = conditions.get(key.getKey());
                if (c == null || !c.isEquality() || (c.values().size() > 1 && index.getKeys().size() > 1)) {
                    probe = null;
                    break;
                }
                probe.put(key.getKey(), c.values().size() == 1 ? c.values().get(0)
                        : new Document("$in", c.values()));
            }
            if (probe != null && index.canHandle(probe)) {
                return probe;
            }
        }
        return null;
    }

    private Index<Object> uniqueIndexFor(Document probe) {
        return getIndexes().stream().filter(i -> i.canHandle(probe)).findFirst().orElseThrow();
    }

    private List<OrderedIndex> orderedIndexes() {
        List<OrderedIndex> ordered = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof OrderedIndex o) {
                ordered.add(o);
            }
        }
        return ordered;
    }

    /**
     * A new index on an empty collection is complete as it stands: every document from now on is
     * added to it, so a clean stop keeps it without a pass. On a collection with documents it waits
     * for {@link #buildPendingIndexes}.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof OrderedIndex ordered && !ordered.isBuilt() && dataMap.isEmpty()
                && getIndexes().stream().noneMatch(i -> i.getName().equals(index.getName()))) {
            ordered.startRebuild();
            ordered.finishRebuild();
        }
        super.addIndex(index);
    }

    /** {@link #buildPendingIndexes} at start, before any client: returns the documents read (0 if none pending). */
    synchronized long buildIndexesNow() {
        return buildPendingIndexes();
    }

    /** Builds every index not kept from a clean stop (or new) in a single pass over the documents. */
    private long buildPendingIndexes() {
        List<OrderedIndex> pending = orderedIndexes().stream().filter(o -> !o.isBuilt()).toList();
        if (pending.isEmpty()) {
            return 0;
        }
        var all = dataMap.entrySet();
        for (OrderedIndex index : pending) {
            index.startRebuild();
        }
        long read = 0;
        for (var entry : all) {
            read++;
            Document document = StoredBson.decode(entry.getValue());
            for (OrderedIndex index : pending) {
                index.collect(document, entry.getKey());
            }
        }
        for (OrderedIndex index : pending) {
            index.finishRebuild();
        }
        return read;
    }
}
