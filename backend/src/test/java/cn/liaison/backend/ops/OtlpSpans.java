package cn.liaison.backend.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the spans out of an OTLP/HTTP export (protobuf {@code ExportTraceServiceRequest}) with just
 * enough of the wire format for a test: resource spans → scope spans → span (trace id, span id,
 * parent span id, name, kind, string attributes).
 */
final class OtlpSpans {

    record Span(String traceId, String spanId, String parentSpanId, String name, int kind, Map<String, String> attributes) {
    }

    private OtlpSpans() {
    }

    static List<Span> read(byte[] export) {
        List<Span> spans = new ArrayList<>();
        for (byte[] resourceSpans : fields(export, 1)) {
            for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                for (byte[] span : fields(scopeSpans, 2)) {
                    spans.add(span(span));
                }
            }
        }
        return spans;
    }

    private static Span span(byte[] bytes) {
        String[] ids = new String[3];
        String name = null;
        int kind = 0;
        Map<String, String> attributes = new HashMap<>();
        Reader r = new Reader(bytes);
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == 2) {
                byte[] value = r.bytes();
                switch (field) {
                    case 1 -> ids[0] = HexFormat.of().formatHex(value);
                    case 2 -> ids[1] = HexFormat.of().formatHex(value);
                    case 4 -> ids[2] = HexFormat.of().formatHex(value);
                    case 5 -> name = new String(value, StandardCharsets.UTF_8);
                    case 9 -> {
                        List<byte[]> key = fields(value, 1);
                        List<byte[]> any = fields(value, 2);
                        if (!key.isEmpty() && !any.isEmpty() && !fields(any.get(0), 1).isEmpty()) {
                            attributes.put(new String(key.get(0), StandardCharsets.UTF_8),
                                    new String(fields(any.get(0), 1).get(0), StandardCharsets.UTF_8));
                        }
                    }
                    default -> { }
                }
            } else if (wire == 0) {
                long value = r.varint();
                if (field == 6) {
                    kind = (int) value;
                }
            } else {
                r.skip(wire);
            }
        }
        return new Span(ids[0], ids[1], ids[2] == null ? "" : ids[2], name, kind, attributes);
    }

    /** Every length-delimited occurrence of {@code wanted} in a message. */
    private static List<byte[]> fields(byte[] message, int wanted) {
        List<byte[]> out = new ArrayList<>();
        Reader r = new Reader(message);
        while (r.more()) {
            long tag = r.varint();
            int wire = (int) (tag & 7);
            if (wire == 2) {
                byte[] value = r.bytes();
                if ((tag >>> 3) == wanted) {
                    out.add(value);
                }
            } else {
                r.skip(wire);
            }
        }
        return out;
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean more() {
            return at < bytes.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return out;
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 5 -> at += 4;
                default -> throw new IllegalArgumentException("wire type " + wire);
            }
        }
    }
}
