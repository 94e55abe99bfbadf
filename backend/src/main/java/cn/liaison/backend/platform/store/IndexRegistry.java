package cn.liaison.backend.platform.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every index the service relies on: each collection's owner declares them with its
 * {@link StoredCollection} and applies them at start ({@link #apply}); a real MongoDB gets them as
 * declared, and the embedded store serves them too (unique ones from MVStore, the others in memory).
 * The registry names no collection itself. QueryCoverageIT lists the filters the service sends next
 * to the index that served each.
 */
public final class IndexRegistry {

    /** One index: its keys (in order, 1 or -1) and whether it is unique. */
    public record Spec(JsonObject keys, boolean unique) {
        public static Spec of(boolean unique, Object... fieldsAndDirections) {
            JsonObject keys = new JsonObject();
            for (int i = 0; i < fieldsAndDirections.length; i += 2) {
                keys.put((String) fieldsAndDirections[i], fieldsAndDirections[i + 1]);
            }
            return new Spec(keys, unique);
        }
    }

    private static final Map<String, StoredCollection> DECLARED = new ConcurrentHashMap<>();
    /**
     * Declarations by name, the way collections were declared before each owner declared its own.
     * Kept so that a branch written that way still compiles and runs; CollectionOwnershipTest fails
     * while anything is declared here (move it to the owner's XxxCollections class).
     */
    private static final Map<String, List<Spec>> BY_NAME = new ConcurrentHashMap<>();

    static {
    }

    private IndexRegistry() {
    }

    /** @deprecated declare a {@link StoredCollection} in the owner's XxxCollections class instead. */
    @Deprecated
    static void declare(String collection, Spec... specs) {
        BY_NAME.put(collection, List.of(specs));
    }

    /** @deprecated apply the owner's {@link StoredCollection} instead. */
    @Deprecated
    public static Future<Void> apply(MongoClient mongo, String collection) {
        StoredCollection declared = DECLARED.get(collection);
        return apply(mongo, declared != null ? declared
                : new StoredCollection(collection, BY_NAME.getOrDefault(collection, List.of()), java.util.Optional.empty(), false));
    }

    /**
     * Records an owner's declaration. The same name declared with a different shape means two
     * packages think they own one collection: that fails the start.
     */
    public static void declare(StoredCollection collection) {
        StoredCollection before = DECLARED.putIfAbsent(collection.name(), collection);
        if (before != null && !before.equals(collection)) {
            throw new IllegalStateException("collection " + collection.name() + " is declared twice, differently");
        }
    }

    /** Collection → its indexes, in declaration order. */
    public static Map<String, List<Spec>> all() {
        Map<String, List<Spec>> out = new TreeMap<>(BY_NAME);
        DECLARED.values().forEach(c -> out.put(c.name(), c.indexes()));
        return out;
    }

    /** Declares the collection and creates its indexes (existing ones are left as they are). */
    public static Future<Void> apply(MongoClient mongo, StoredCollection collection) {
        declare(collection);
        List<Future<Void>> created = new ArrayList<>();
        for (Spec spec : collection.indexes()) {
            created.add(mongo.createIndexWithOptions(collection.name(), spec.keys(), new IndexOptions().unique(spec.unique())));
        }
        return Future.all(created).mapEmpty();
    }
}
