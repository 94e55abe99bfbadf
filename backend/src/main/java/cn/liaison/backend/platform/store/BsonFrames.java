package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * A document in an MVStore page: its length as a var-int, then its BSON, encoded by the server's
 * own wire codec so every value a document can hold round-trips unchanged. The index entry and
 * unique key types keep their small documents this way.
 */
final class BsonFrames {

    private BsonFrames() {
    }

    static void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buff.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    static Document read(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice().limit(length).order(ByteOrder.BIG_ENDIAN);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }
}
