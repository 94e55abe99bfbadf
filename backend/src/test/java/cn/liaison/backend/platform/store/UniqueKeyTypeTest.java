package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** Unique keys as BSON: equal exactly when upstream's serialised keys were, and read back equal to what was written. */
class UniqueKeyTypeTest {

    private static final UniqueKeyType TYPE = UniqueKeyType.INSTANCE;

    private static KeyValue key(Object... values) {
        return new KeyValue(Arrays.asList(values));
    }

    private static KeyValue roundTrip(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        TYPE.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return TYPE.read(written);
    }

    @Test
    void valuesOfDifferentKindsNeverCollide() {
        List<KeyValue> distinct = List.of(key(Missing.getInstance()), key((Object) null), key(8.0), key(8L), key(8),
                key("8"), key(true), key(Instant.parse("2026-01-01T00:00:00Z")), key(new Document("a", 1)),
                key(List.of(8.0)), key("8", "a"), key("8", Missing.getInstance()), key("8", (Object) null));
        for (KeyValue a : distinct) {
            for (KeyValue b : distinct) {
                int c = TYPE.compare(a, b);
                if (a == b) {
                    assertEquals(0, c, a.toString());
                } else {
                    assertNotEquals(0, c, a + " vs " + b);
                    assertEquals(-Integer.signum(c), Integer.signum(TYPE.compare(b, a)), "antisymmetric: " + a + " vs " + b);
                }
            }
        }
    }

    @Test
    void keysReadBackCompareEqualToWhatWasWritten() {
        List<KeyValue> keys = new ArrayList<>(List.of(key("SQ20261126-0001"), key("浦口区", "user-1"),
                key(Missing.getInstance()), key("a", Missing.getInstance(), null), key(1.5, 1L << 60),
                key(Instant.parse("2026-11-26T01:02:03.004Z")), key(new ObjectId()),
                key(new Document("x", List.of(1, "二")).append("y", new Document("z", true))), key(new ArrayList<>(List.of("p", 2.0)))));
        for (KeyValue key : keys) {
            KeyValue read = roundTrip(key);
            assertEquals(0, TYPE.compare(key, read), key + " read as " + read);
        }
        // the same list in another list class is the same key
        assertEquals(0, TYPE.compare(key(List.of("p", 2.0)), key(new ArrayList<>(List.of("p", 2.0)))));
        assertNotEquals(0, TYPE.compare(key(new Document("a", 1).append("b", 2)), key(new Document("b", 2).append("a", 1))),
                "field order matters, as in MongoDB");
    }
}
