package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How an {@link OrderedIndex} entry is kept in its MVStore map: the key values and the document's
 * position (its {@code _id}), in the order {@link OrderedIndex#compareKeys} gives, ties by position.
 * On disk an entry is a small BSON document {@code {k: [values], p: position}}, encoded by the
 * server's own wire codec, so every value a document can hold round-trips unchanged.
 */
final class IndexEntryType extends BasicDataType<IndexEntryType.Entry> {

    /** One key of one document; a search key carries a {@link OrderedIndex.Bound} and no position. */
    record Entry(KeyValue key, Object position) {}

    static final IndexEntryType INSTANCE = new IndexEntryType();

    private IndexEntryType() {
    }

    @Override
    public int compare(Entry a, Entry b) {
        int byKey = OrderedIndex.compareKeys(a.key(), b.key());
        if (byKey != 0) {
            return byKey;
        }
        if (a.position() == null || b.position() == null) {
            return a.position() == null ? (b.position() == null ? 0 : -1) : 1;
        }
        return OrderedIndex.compareValues(a.position(), b.position());
    }

    @Override
    public Entry[] createStorage(int size) {
        return new Entry[size];
    }

    @Override
    public void write(WriteBuffer buff, Entry entry) {
        BsonFrames.writeEntry(buff, entry.key(), entry.position());
    }

    @Override
    public Entry read(ByteBuffer buff) {
        Document stored = BsonFrames.read(buff);
        return new Entry(new KeyValue((List<?>) stored.get("k")), stored.get("p"));
    }

    /** MVStore's cache accounting, in bytes: about the heap the decoded entry takes. */
    @Override
    public int getMemory(Entry entry) {
        int size = 64;
        for (int i = 0; i < entry.key().size(); i++) {
            size += entry.key().get(i) instanceof String s ? 48 + 2 * s.length() : 24;
        }
        return size + (entry.position() instanceof String s ? 48 + 2 * s.length() : 24);
    }
}
