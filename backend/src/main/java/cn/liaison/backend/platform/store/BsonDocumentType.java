package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps documents on disk: as BSON, with the same encoder and decoder the
 * server uses on the wire. Upstream keeps them with Java serialization, which made every document
 * read a Java deserialization (about 0.05 ms for a 2 KB request on a quiet core): the start-up pass
 * that fills the in-memory indexes, every page of a ledger and the monthly summary paid it per
 * document. A document read back is what the decoder makes of a client's insert, so a round trip
 * changes nothing a client can see.
 *
 * <p>Values written by upstream's format are still read (an older store opens unchanged and each
 * document moves to BSON when it is next written): those start with one of {@link ObjectDataType}'s
 * type tags, all below {@link #BSON}. A store written by this class cannot be opened by upstream's
 * plain H2 backend any more.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** First byte of a BSON value; {@link ObjectDataType} tags stop at 119. */
    private static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * MVStore writes pages on its own thread after a commit, while the next command runs; a stored
     * document object changed in place by a command in that window (seen once in CI: the store's
     * commit failed with a ConcurrentModificationException) is encoded again, up to five times. It
     * is encoded whole before anything reaches the buffer, so a failed try writes nothing.
     */
    @Override
    public void write(WriteBuffer buff, Document document) {
        for (int attempt = 1; ; attempt++) {
            ByteBuf bson = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, bson);
                int length = bson.readableBytes();
                buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
                return;
            } catch (java.util.ConcurrentModificationException changing) {
                if (attempt == 5) {
                    throw changing;
                }
                Thread.onSpinWait();
            } finally {
                bson.release();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return (Document) legacy.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice().limit(length).order(ByteOrder.BIG_ENDIAN);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /**
     * MVStore's cache accounting, in bytes: about the document's BSON size (a cheap walk, no
     * encoding), as upstream counted its serialized size, so the cache holds as many documents as
     * before. The decoded objects take several times that on the heap; CACHE_MB is sized for it.
     */
    @Override
    public int getMemory(Document document) {
        return 16 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 5;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 2 + String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 5;
            for (Object item : list) {
                size += 4 + estimate(item);
            }
            return size;
        }
        if (value instanceof String s) {
            return 5 + s.length() * 3; // UTF-8: most of our text is CJK, three bytes a character
        }
        if (value instanceof byte[] bytes) {
            return 5 + bytes.length;
        }
        return 8;
    }
}
