package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents kept as their BSON bytes: read back as written, older values converted, each read its own copy. */
class StoredBsonTest {

    private static Document typed() {
        return new Document("_id", "r-1").append("int", 7).append("long", 1L << 40).append("double", 2.5)
                .append("flag", true).append("none", null).append("text", "浦口区 — 人防")
                .append("at", Instant.parse("2026-11-20T02:00:00Z"))
                .append("nested", new Document("list", List.of(1, "二", new Document("k", 3L))));
    }

    private static ByteBuffer page(java.util.function.Consumer<WriteBuffer> writer) {
        WriteBuffer buffer = new WriteBuffer();
        writer.accept(buffer);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    @Test
    void aDocumentReadsBackWithEveryTypeKept() {
        Document original = typed();
        byte[] stored = StoredBson.encode(original);
        ByteBuffer written = page(b -> StoredBson.INSTANCE.write(b, stored));
        byte[] read = StoredBson.INSTANCE.read(written);
        assertArrayEquals(stored, read);
        assertEquals(0, written.remaining());
        Document back = StoredBson.decode(read);
        assertEquals(Long.class, back.get("long").getClass());
        assertEquals(Integer.class, back.get("int").getClass());
        assertEquals(original, back);
    }

    /** A value upstream's plain H2 backend wrote (Java serialization) reads as that document's BSON. */
    @Test
    void aValueInUpstreamsFormatIsReadAsBson() {
        Document original = typed();
        ObjectDataType upstream = new ObjectDataType();
        ByteBuffer written = page(b -> {
            upstream.write(b, original);
            StoredBson.INSTANCE.write(b, StoredBson.encode(new Document("_id", "next")));
        });
        assertEquals(original, StoredBson.decode(StoredBson.INSTANCE.read(written)));
        assertEquals(new Document("_id", "next"), StoredBson.decode(StoredBson.INSTANCE.read(written)));
    }

    /** What a command changes in the document it read is not what is stored until it writes it. */
    @Test
    void everyReadIsItsOwnCopy() {
        byte[] stored = StoredBson.encode(typed());
        Document first = StoredBson.decode(stored);
        ((Document) first.get("nested")).put("changed", true);
        first.put("text", "江北新区");
        Document second = StoredBson.decode(stored);
        assertNotEquals(first, second);
        assertEquals("浦口区 — 人防", second.get("text"));
    }

    @Test
    void theCacheIsAnEighthOfTheHeapWithinBounds() {
        assertEquals(256, EmbeddedMongo.cacheMb(2L << 30));
        assertEquals(32, EmbeddedMongo.cacheMb(128L << 20));
        assertEquals(512, EmbeddedMongo.cacheMb(16L << 30));
    }
}
