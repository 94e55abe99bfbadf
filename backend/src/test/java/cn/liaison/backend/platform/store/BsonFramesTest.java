package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonFramesTest {

    private final Random random = new Random(19);

    private Object value(int depth) {
        return switch (random.nextInt(depth > 2 ? 11 : 13)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean() ? random.nextDouble() * 1e6 : Double.NaN;
            case 4 -> random.nextBoolean();
            case 5 -> text();
            case 6 -> Instant.ofEpochMilli(random.nextLong() >> 20);
            case 7 -> new ObjectId();
            case 8 -> UUID.randomUUID().toString();
            case 9 -> "district-" + random.nextInt(20);
            case 10 -> random.nextInt(3) == 0 ? Set.of("unknown to the fast path") : UUID.randomUUID(); // the server's codec
            case 11 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                yield list;
            }
            default -> document(depth + 1);
        };
    }

    /** Latin, Chinese, emoji (surrogate pairs), a lone surrogate and NUL: each path of the UTF-8 writer. */
    private String text() {
        String[] parts = {"ab", "浦口区", "人防工程", "\uD83D\uDE00", "\uD800", "\u0000", "é", "", " "};
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            out.append(parts[random.nextInt(parts.length)]);
        }
        return out.toString();
    }

    private Document document(int depth) {
        Document doc = new Document();
        for (int i = random.nextInt(4); i >= 0; i--) {
            doc.append(random.nextInt(5) == 0 ? text() : "f" + i, value(depth));
        }
        return doc;
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] out = new byte[written.remaining()];
        written.get(out);
        return out;
    }

    /** Whether {@link BsonFrames#write} can take the document without the server's codec. */
    static boolean fastPathTaken(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            return map.keySet().stream().allMatch(k -> k instanceof String s && s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c)))
                    && map.values().stream().allMatch(BsonFramesTest::fastPathTaken);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(BsonFramesTest::fastPathTaken);
        }
        if (value instanceof String s) {
            return s.chars().noneMatch(c -> Character.isSurrogate((char) c));
        }
        return value == null || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId;
    }

    @Test
    void writesWhatTheServersCodecWritesByteForByte() {
        int fastPath = 0;
        for (int i = 0; i < 20_000; i++) {
            Document doc = random.nextBoolean()
                    ? new Document("k", Arrays.asList(value(1), value(1))).append("p", value(2))
                    : document(0);
            WriteBuffer fast = new WriteBuffer();
            WriteBuffer codec = new WriteBuffer();
            BsonFrames.write(fast, doc);
            BsonFrames.writeWithServerCodec(codec, doc);
            byte[] expected = bytes(codec);
            byte[] actual = bytes(fast);
            assertArrayEquals(expected, actual, doc::toString);
            fastPath += BsonFramesTest.fastPathTaken(doc) ? 1 : 0;
        }
        assertTrue(fastPath > 5_000, "the fast path wrote " + fastPath + " of 20,000");
    }

    @Test
    void writesIndexEntriesAsTheirDocument() {
        for (int i = 0; i < 20_000; i++) {
            List<Object> values = new ArrayList<>();
            for (int k = random.nextInt(4); k >= 0; k--) {
                values.add(value(1));
            }
            Object position = random.nextBoolean() ? UUID.randomUUID().toString() : value(2);
            WriteBuffer fast = new WriteBuffer();
            WriteBuffer codec = new WriteBuffer();
            BsonFrames.writeEntry(fast, new de.bwaldvogel.mongo.backend.KeyValue(values), position);
            BsonFrames.writeWithServerCodec(codec, new Document("k", values).append("p", position));
            assertArrayEquals(bytes(codec), bytes(fast), values::toString);
        }
    }

    @Test
    void writesUniqueKeysAsTheirDocumentOrLeavesThemToTheCodec() {
        int written = 0;
        for (int i = 0; i < 20_000; i++) {
            List<Object> values = new ArrayList<>();
            for (int k = random.nextInt(3); k >= 0; k--) {
                values.add(value(1));
            }
            WriteBuffer fast = new WriteBuffer();
            WriteBuffer codec = new WriteBuffer();
            BsonFrames.writeWithServerCodec(codec, new Document("k", values));
            if (BsonFrames.writeKey(fast, new de.bwaldvogel.mongo.backend.KeyValue(values))) {
                assertArrayEquals(bytes(codec), bytes(fast), values::toString);
                written++;
            } else {
                assertEquals(0, fast.position(), "nothing written when the codec is needed");
            }
        }
        assertTrue(written > 5_000, "the fast path wrote " + written + " of 20,000");
    }
}
