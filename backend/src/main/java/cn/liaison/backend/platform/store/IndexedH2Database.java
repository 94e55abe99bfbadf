package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The H2 database with {@link IndexedH2Collection}s and real non-unique indexes ({@link OrderedIndex}, kept in an {@link IndexStore}). */
final class IndexedH2Database extends H2Database {

    // upstream's map names (package-private there); documents in them are BSON (StoredBson)
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private record Context(MVStore mvStore, QueryLog log, IndexStore indexes, List<IndexedH2Collection> opened) {}

    /** Upstream's constructor already opens collections, before this class's fields are set. */
    private static final ThreadLocal<Context> OPENING = new ThreadLocal<>();

    private final Context context;

    private IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
        this.context = OPENING.get();
    }

    static IndexedH2Database open(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry, QueryLog log,
                                  IndexStore indexes) {
        OPENING.set(new Context(mvStore, log, indexes, new java.util.concurrent.CopyOnWriteArrayList<>()));
        try {
            return new IndexedH2Database(databaseName, mvStore, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    private Context context() {
        return context != null ? context : OPENING.get();
    }

    /**
     * Upstream runs every aggregation over all documents. When the pipeline starts with
     * {@code $match}, the collection is told the filter so that it yields only the documents an
     * index finds; the stage still applies the filter itself.
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> stages
                && !stages.isEmpty() && stages.get(0) instanceof Document first
                && first.get("$match") instanceof Document match) {
            Document counted = countFromIndex(String.valueOf(query.get(command)), match, stages);
            if (counted != null) {
                return counted;
            }
            IndexedH2Collection.matchHint(String.valueOf(query.get(command)), match);
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                IndexedH2Collection.matchHint(null, null);
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    /**
     * A count as drivers send it ({@code countDocuments}: a {@code $match}, then a {@code $group} of
     * everything into one document holding {@code $sum: 1}) answered from an index alone when one
     * covers the filter exactly ({@link IndexedH2Collection#coveredCount}); otherwise null, and the
     * pipeline runs as usual. A liaison's open tasks are counted for every request routed: read
     * document by document, that count grew with the liaison's backlog and took most of the store's
     * time under load.
     */
    private Document countFromIndex(String collectionName, Document match, List<?> stages) {
        if (stages.size() != 2 || !(stages.get(1) instanceof Document second) || second.size() != 1
                || !(second.get("$group") instanceof Document group) || group.size() != 2) {
            return null;
        }
        Object groupId = group.get("_id");
        if (groupId == null || groupId instanceof Document || groupId instanceof String id && id.startsWith("$")) {
            return null;
        }
        String countField = null;
        for (String field : group.keySet()) {
            if (!field.equals("_id")) {
                countField = field;
            }
        }
        if (countField == null || !(group.get(countField) instanceof Document sum) || sum.size() != 1
                || !(sum.get("$sum") instanceof Number one) || one.doubleValue() != 1.0) {
            return null;
        }
        if (!(resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
            return null;
        }
        long count = collection.coveredCount(match);
        if (count < 0) {
            return null;
        }
        List<Document> batch = count == 0 ? List.of()
                : List.of(new Document("_id", groupId).append(countField, count <= Integer.MAX_VALUE ? (Object) (int) count : count));
        Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        Context c = context();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, byte[]> dataMap = c.mvStore().openMap(DATA_PREFIX + fullName,
                new MVMap.Builder<Object, byte[]>().valueType(StoredBson.INSTANCE));
        MVMap<String, Object> metaMap = c.mvStore().openMap(META_PREFIX + fullName);
        IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options, dataMap, metaMap,
                cursorRegistry, c.log());
        c.opened().add(collection);
        return collection;
    }

    /** Fills every collection's in-memory indexes now; returns how many documents were read. */
    long buildIndexes() {
        long read = 0;
        for (IndexedH2Collection collection : context().opened()) {
            read += collection.buildIndexesNow();
        }
        return read;
    }

    /** Upstream's map for the index, with keys kept as BSON ({@link KeyedUniqueIndex}). */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName; // upstream's name
        return KeyedUniqueIndex.open(context().mvStore(), mapName, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new OrderedIndex(indexName, keys, context().indexes(), getFullCollectionNamespace(collectionName) + "/" + indexName);
    }
}
