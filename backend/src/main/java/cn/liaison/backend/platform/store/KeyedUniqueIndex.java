package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index (including every collection's {@code _id}) whose keys are kept as
 * {@link UniqueKeyType}: the same map, name and entries as upstream's H2 unique index, without
 * Java serialisation on every lookup. A map still in upstream's format is converted once when
 * opened; a marker map lists the converted ones, so each map is read in the format it was written.
 */
final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {

    /** Names of unique-index maps kept as {@link UniqueKeyType}. */
    static final String CONVERTED = "liaison.uniqueKeys";

    private final MVMap<KeyValue, Object> map;

    private KeyedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** Opens (and, the first time, converts) the map {@code mapName} of the index. */
    static KeyedUniqueIndex open(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        MVMap<String, String> converted = store.openMap(CONVERTED);
        MVMap.Builder<KeyValue, Object> keyed = new MVMap.Builder<KeyValue, Object>().keyType(UniqueKeyType.INSTANCE);
        if (!converted.containsKey(mapName) && store.hasMap(mapName)) {
            MVMap<Object, Object> upstream = store.openMap(mapName);
            List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>();
            for (var entry : upstream.entrySet()) {
                entries.add(Map.entry((KeyValue) entry.getKey(), entry.getValue()));
            }
            store.removeMap(upstream);
            MVMap<KeyValue, Object> map = store.openMap(mapName, keyed);
            entries.sort((a, b) -> UniqueKeyType.INSTANCE.compare(a.getKey(), b.getKey()));
            for (var entry : entries) {
                map.put(entry.getKey(), entry.getValue());
            }
        }
        converted.putIfAbsent(mapName, "bson");
        return new KeyedUniqueIndex(store.openMap(mapName, keyed), name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
