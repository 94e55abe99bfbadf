package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
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
        Scratch scratch = SCRATCH.get();
        scratch.length = 0;
        if (scratch.document(document)) {
            buff.putVarInt(scratch.length).put(scratch.bytes, 0, scratch.length);
        } else {
            writeWithServerCodec(buff, document);
        }
    }

    /**
     * An index entry, {@code {k: [values], p: position}}, as {@link #write} writes that document,
     * without building it unless the server's codec is needed.
     */
    static void writeEntry(WriteBuffer buff, de.bwaldvogel.mongo.backend.KeyValue key, Object position) {
        Scratch scratch = SCRATCH.get();
        scratch.length = 0;
        if (scratch.entry(key, position)) {
            buff.putVarInt(scratch.length).put(scratch.bytes, 0, scratch.length);
        } else {
            List<Object> values = new ArrayList<>(key.size());
            for (int i = 0; i < key.size(); i++) {
                values.add(key.get(i));
            }
            writeWithServerCodec(buff, new Document("k", values).append("p", position));
        }
    }

    /**
     * A unique key, {@code {k: [values]}}, as {@link #write} writes that document, without building
     * it; false (nothing written) for a value only the server's codec writes. Every commit writes each
     * changed page of a unique index whole, and building a document for each of its keys was 5% of
     * what a create allocated under load.
     */
    static boolean writeKey(WriteBuffer buff, de.bwaldvogel.mongo.backend.KeyValue key) {
        Scratch scratch = SCRATCH.get();
        scratch.length = 0;
        if (!scratch.key(key)) {
            return false;
        }
        buff.putVarInt(scratch.length).put(scratch.bytes, 0, scratch.length);
        return true;
    }

    /** The server's own codec: every value it knows. Also what {@link #write} must equal byte for byte (tests). */
    static void writeWithServerCodec(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buff.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * BSON for the values index keys hold (strings, numbers, booleans, null, instants, object ids,
     * lists and documents of them), written straight into a reused array. Every page MVStore
     * writes re-encodes each of its entries, and the server's codec, writing byte by byte into a
     * fresh Netty buffer, was most of the index file's serialisation (60% of that thread's samples
     * under create load). Anything else is left to the server's codec ({@code false}).
     */
    private static final class Scratch {
        byte[] bytes = new byte[256];
        int length;

        boolean entry(de.bwaldvogel.mongo.backend.KeyValue key, Object position) {
            int start = reserve(4);
            if (!arrayElement("k", key) || !element("p", position)) {
                return false;
            }
            byte0(0);
            putInt(start, length - start);
            return true;
        }

        boolean key(de.bwaldvogel.mongo.backend.KeyValue key) {
            int start = reserve(4);
            if (!arrayElement("k", key)) {
                return false;
            }
            byte0(0);
            putInt(start, length - start);
            return true;
        }

        private static final String[] NAMES = new String[32];

        static {
            for (int i = 0; i < NAMES.length; i++) {
                NAMES[i] = Integer.toString(i);
            }
        }

        /** An array element's name: its index. */
        private static String name(int i) {
            return i < NAMES.length ? NAMES[i] : Integer.toString(i);
        }

        boolean document(java.util.Map<?, ?> document) {
            int start = reserve(4);
            for (java.util.Map.Entry<?, ?> e : document.entrySet()) {
                if (!(e.getKey() instanceof String key) || !element(key, e.getValue())) {
                    return false;
                }
            }
            byte0(0);
            putInt(start, length - start);
            return true;
        }

        private boolean arrayElement(String name, Iterable<?> values) {
            int typeAt = reserve(1);
            if (!cString(name) || !array(values)) {
                return false;
            }
            bytes[typeAt] = 4;
            return true;
        }

        private boolean array(Iterable<?> values) {
            int start = reserve(4);
            int i = 0;
            for (Object value : values) {
                if (!element(name(i++), value)) {
                    return false;
                }
            }
            byte0(0);
            putInt(start, length - start);
            return true;
        }

        private boolean element(String name, Object value) {
            if (value instanceof List<?> list) {
                return arrayElement(name, list);
            }
            int typeAt = reserve(1);
            if (!cString(name)) {
                return false;
            }
            byte type;
            if (value == null) {
                type = 10;
            } else if (value instanceof java.util.Map<?, ?> map) {
                type = 3;
                if (!document(map)) {
                    return false;
                }
            } else if (value instanceof de.bwaldvogel.mongo.bson.ObjectId id) {
                type = 7;
                byte[] raw = id.toByteArray();
                if (raw.length != 12) {
                    return false;
                }
                System.arraycopy(raw, 0, bytes, reserve(12), 12);
            } else if (value instanceof Integer n) {
                type = 16;
                putInt(reserve(4), n);
            } else if (value instanceof Long n) {
                type = 18;
                putLong(reserve(8), n);
            } else if (value instanceof Double d) {
                type = 1;
                putLong(reserve(8), Double.doubleToRawLongBits(d));
            } else if (value instanceof String text) {
                type = 2;
                int at = reserve(4);
                if (!utf8(text)) {
                    return false;
                }
                byte0(0);
                putInt(at, length - at - 4);
            } else if (value instanceof Boolean b) {
                type = 8;
                byte0(b ? 1 : 0);
            } else if (value instanceof java.time.Instant instant) {
                type = 9;
                putLong(reserve(8), instant.toEpochMilli());
            } else {
                return false;
            }
            bytes[typeAt] = type;
            return true;
        }

        /** A key: no NUL, no surrogate (the server's codec decides how those are written). */
        private boolean cString(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == 0) {
                    return false;
                }
            }
            if (!utf8(text)) {
                return false;
            }
            byte0(0);
            return true;
        }

        private boolean utf8(String text) {
            int n = text.length();
            int at = reserve(3 * n); // the most UTF-8 a char without surrogates takes; what is unused is given back
            byte[] out = bytes;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    return false;
                } else {
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            length = at;
            return true;
        }

        private int reserve(int n) {
            if (length + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            int at = length;
            length += n;
            return at;
        }

        private void byte0(int b) {
            bytes[reserve(1)] = (byte) b;
        }

        private void putInt(int at, int v) {
            bytes[at] = (byte) v;
            bytes[at + 1] = (byte) (v >> 8);
            bytes[at + 2] = (byte) (v >> 16);
            bytes[at + 3] = (byte) (v >> 24);
        }

        private void putLong(int at, long v) {
            putInt(at, (int) v);
            putInt(at + 4, (int) (v >> 32));
        }
    }

    static Document read(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice().limit(length).order(ByteOrder.BIG_ENDIAN);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }
}
