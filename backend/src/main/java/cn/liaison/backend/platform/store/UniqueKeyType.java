package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How a unique index's key is kept in its MVStore map. Upstream stores {@link KeyValue} with
 * MVStore's generic type, which knows no such class: it Java-serialises both keys for every
 * comparison of a binary search and every key of a page written, and under write load that was a
 * sixth of the store's time. Here a key is a small BSON document ({@code {k: [values], m: [indexes
 * of missing values]}}), and keys compare without encoding.
 *
 * <p>Two keys are equal exactly when upstream's were (equal serialised bytes): the same value of the
 * same class at every position, so a missing value, a null and a number of another type stay
 * apart, as they did. The order is by class, then by value; only its consistency matters.
 */
final class UniqueKeyType extends BasicDataType<KeyValue> {

    static final UniqueKeyType INSTANCE = new UniqueKeyType();

    private UniqueKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? -1 : 1;
        }
        String kx = kind(x);
        String ky = kind(y);
        if (!kx.equals(ky)) {
            return kx.compareTo(ky);
        }
        if (x instanceof Double a) {
            return Double.compare(a, (Double) y); // as serialised: NaN equals NaN, -0.0 differs from 0.0
        }
        if (x instanceof Comparable a && !(x instanceof java.util.Map) && !(x instanceof java.util.Collection)) {
            return a.compareTo(y);
        }
        // documents, lists, binaries: by their BSON bytes, which are equal exactly when the values are
        return Arrays.compare(encode(x), encode(y));
    }

    /** A value's class, except that every list is a list and every document a document, whichever class holds it. */
    private static String kind(Object value) {
        if (value instanceof java.util.Collection) {
            return "list";
        }
        if (value instanceof java.util.Map) {
            return "document";
        }
        return value.getClass().getName();
    }

    private static byte[] encode(Object value) {
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document("v", value), bson);
            return ByteBufUtil.getBytes(bson);
        } finally {
            bson.release();
        }
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        boolean complete = true;
        for (int i = 0; i < key.size() && complete; i++) {
            complete = !(key.get(i) instanceof Missing);
        }
        if (complete && BsonFrames.writeKey(buff, key)) {
            return;
        }
        List<Object> values = new ArrayList<>(key.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value instanceof Missing) {
                missing.add(i);
                value = null;
            }
            values.add(value);
        }
        Document stored = new Document("k", values);
        if (!missing.isEmpty()) {
            stored.append("m", missing);
        }
        BsonFrames.write(buff, stored);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        Document stored = BsonFrames.read(buff);
        List<Object> values = new ArrayList<>((List<?>) stored.get("k"));
        if (stored.get("m") instanceof List<?> missing) {
            for (Object i : missing) {
                values.set(((Number) i).intValue(), Missing.getInstance());
            }
        }
        return new KeyValue(values);
    }

    /** MVStore's cache accounting, in bytes: about the heap the decoded key takes. */
    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (int i = 0; i < key.size(); i++) {
            size += key.get(i) instanceof String s ? 48 + 2 * s.length() : 24;
        }
        return size;
    }
}
