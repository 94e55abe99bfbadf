package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a document: as its BSON bytes, in the page and in MVStore's cache
 * alike, encoded and decoded by the server's own wire codec, so a document read back is what the
 * decoder makes of a client's insert.
 *
 * <p>Held as bytes, not as decoded objects:
 * <ul>
 *   <li>A decoded request took about six times its BSON size on the heap, so a cache of 64 MB (as
 *       MVStore counts it) held some 400 MB of objects; at 100,000 requests the collector then
 *       paused for up to 100 ms under ordinary reads.</li>
 *   <li>A commit wrote every document of each changed page, so it encoded a page's neighbours of
 *       the one document that changed; now it copies their bytes.</li>
 *   <li>A read decodes the one document it needs (about 7 µs for a 2 KB request), not every
 *       document of the page it is on, and every read gets a copy of its own: a command that
 *       changes the document it read cannot change what is stored.</li>
 * </ul>
 *
 * <p>On disk each value is a marker byte, the length and the BSON. Values written by upstream's
 * plain H2 backend (Java serialization, whose type tags are all below the marker) are still read
 * and become BSON when next written, so an older store opens unchanged. A store written here
 * cannot be opened by upstream's plain backend any more.
 */
final class StoredBson extends BasicDataType<byte[]> {

    static final StoredBson INSTANCE = new StoredBson();

    /** First byte of a BSON value; {@link ObjectDataType} tags stop at 119. */
    private static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    private StoredBson() {
    }

    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    static Document decode(byte[] bson) {
        return bson == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

    @Override
    public void write(WriteBuffer buff, byte[] bson) {
        buff.put(BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public byte[] read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return encode((Document) legacy.read(buff));
        }
        buff.get();
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        return bson;
    }

    /** MVStore's cache accounting, in bytes: the array and its header. */
    @Override
    public int getMemory(byte[] bson) {
        return 16 + bson.length;
    }

    /** Equal values are equal bytes (MVMap compares values only in its conditional writes). */
    @Override
    public int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
