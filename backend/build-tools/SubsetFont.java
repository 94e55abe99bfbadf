import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step (run by the backend's pom with the JDK's single-file launcher): cuts a TrueType font
 * (glyf outlines) down to the characters a contact card needs, so a CJK font fits in the jar.
 * Kept: ASCII and Latin-1, general punctuation, CJK symbols and punctuation, full-width forms, and
 * every character of GB 2312 (its 6,763 hanzi and its symbols), plus the parts of composite glyphs.
 *
 * <p>Glyph ids stay as they are: a dropped glyph keeps its slot with no outline, so hmtx, GSUB and
 * GPOS remain valid. The cmap is rewritten to map kept characters only (format 12, platforms 3/10
 * and 0/4), so {@code Font.canDisplay} reports a dropped character honestly as missing.
 *
 * <p>Usage: {@code java SubsetFont.java IN.ttf OUT.ttf}
 */
public final class SubsetFont {

    private static final int ARG_1_AND_2_ARE_WORDS = 0x1;
    private static final int WE_HAVE_A_SCALE = 0x8;
    private static final int MORE_COMPONENTS = 0x20;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x40;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x80;

    public static void main(String[] args) throws IOException {
        byte[] in = Files.readAllBytes(Path.of(args[0]));
        byte[] out = subset(in, keptCharacters());
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        Files.write(Path.of(args[1]), out);
        System.out.printf("SubsetFont: %s %d -> %d bytes%n", Path.of(args[0]).getFileName(), in.length, out.length);
    }

    /** The code points to keep: fixed ranges plus everything GB 2312 can encode. */
    static BitSet keptCharacters() {
        BitSet keep = new BitSet(0x10000);
        keep.set(0x20, 0x7F);
        keep.set(0xA0, 0x100);
        keep.set(0x2000, 0x2070);
        keep.set(0x3000, 0x3040);
        keep.set(0xFF00, 0xFFF0);
        // GB 2312 in EUC-CN: rows 0xA1..0xF7, cells 0xA1..0xFE. Decoding each pair names its character.
        CharsetDecoder gb = Charset.forName("GB2312").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int row = 0xA1; row <= 0xF7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                try {
                    String s = gb.decode(ByteBuffer.wrap(new byte[] {(byte) row, (byte) cell})).toString();
                    if (s.length() == 1) {
                        keep.set(s.charAt(0));
                    }
                } catch (java.nio.charset.CharacterCodingException unassigned) {
                    // an empty slot of the code table
                }
            }
        }
        return keep;
    }

    static byte[] subset(byte[] font, BitSet chars) {
        ByteBuffer f = ByteBuffer.wrap(font);
        Map<String, int[]> tables = new TreeMap<>();
        int count = f.getShort(4) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int at = 12 + 16 * i;
            String tag = new String(font, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            tables.put(tag, new int[] {f.getInt(at + 8), f.getInt(at + 12)});
        }
        for (String needed : new String[] {"cmap", "glyf", "loca", "head", "maxp"}) {
            if (!tables.containsKey(needed)) {
                throw new IllegalArgumentException("not a glyf TrueType font: no " + needed + " table");
            }
        }
        int numGlyphs = f.getShort(tables.get("maxp")[0] + 4) & 0xFFFF;
        boolean longLoca = f.getShort(tables.get("head")[0] + 50) != 0;
        int[] loca = readLoca(f, tables.get("loca")[0], numGlyphs, longLoca);
        int glyfAt = tables.get("glyf")[0];

        TreeMap<Integer, Integer> cmap = readCmap(f, tables.get("cmap")[0]);
        cmap.keySet().removeIf(cp -> cp >= 0x10000 || !chars.get(cp));
        BitSet glyphs = new BitSet(numGlyphs);
        Deque<Integer> todo = new ArrayDeque<>(cmap.values());
        todo.push(0);
        while (!todo.isEmpty()) {
            int gid = todo.pop();
            if (gid >= numGlyphs || glyphs.get(gid)) {
                continue;
            }
            glyphs.set(gid);
            int start = loca[gid];
            if (loca[gid + 1] > start && f.getShort(glyfAt + start) < 0) {
                todo.addAll(components(f, glyfAt + start));
            }
        }
        cmap.values().removeIf(gid -> gid >= numGlyphs);

        ByteBuffer glyf = ByteBuffer.allocate(tables.get("glyf")[1] + 4 * numGlyphs);
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (numGlyphs + 1));
        for (int gid = 0; gid < numGlyphs; gid++) {
            newLoca.putInt(glyf.position());
            if (glyphs.get(gid)) {
                glyf.put(font, glyfAt + loca[gid], loca[gid + 1] - loca[gid]);
                while (glyf.position() % 4 != 0) {
                    glyf.put((byte) 0);
                }
            }
        }
        newLoca.putInt(glyf.position());

        Map<String, byte[]> out = new TreeMap<>();
        tables.forEach((tag, where) -> out.put(tag, java.util.Arrays.copyOfRange(font, where[0], where[0] + where[1])));
        out.put("glyf", java.util.Arrays.copyOf(glyf.array(), glyf.position()));
        out.put("loca", newLoca.array());
        out.put("cmap", format12(cmap));
        byte[] head = out.get("head");
        ByteBuffer.wrap(head).putShort(50, (short) 1).putInt(8, 0);
        System.out.printf("SubsetFont: %d of %d characters mapped, %d of %d glyphs kept%n",
                cmap.size(), chars.cardinality(), glyphs.cardinality(), numGlyphs);
        return assemble(f.getInt(0), out);
    }

    private static int[] readLoca(ByteBuffer f, int at, int numGlyphs, boolean longLoca) {
        int[] loca = new int[numGlyphs + 1];
        for (int i = 0; i <= numGlyphs; i++) {
            loca[i] = longLoca ? f.getInt(at + 4 * i) : 2 * (f.getShort(at + 2 * i) & 0xFFFF);
        }
        return loca;
    }

    /** Glyph ids a composite glyph is built from. */
    private static java.util.List<Integer> components(ByteBuffer f, int at) {
        java.util.List<Integer> parts = new java.util.ArrayList<>();
        int p = at + 10;
        int flags;
        do {
            flags = f.getShort(p) & 0xFFFF;
            parts.add(f.getShort(p + 2) & 0xFFFF);
            p += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                p += 2;
            } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                p += 4;
            } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                p += 8;
            }
        } while ((flags & MORE_COMPONENTS) != 0);
        return parts;
    }

    /** Unicode to glyph id from the best Unicode subtable: format 12 if present, else format 4. */
    private static TreeMap<Integer, Integer> readCmap(ByteBuffer f, int cmapAt) {
        int n = f.getShort(cmapAt + 2) & 0xFFFF;
        int format4 = -1;
        int format12 = -1;
        for (int i = 0; i < n; i++) {
            int rec = cmapAt + 4 + 8 * i;
            int platform = f.getShort(rec) & 0xFFFF;
            int encoding = f.getShort(rec + 2) & 0xFFFF;
            int sub = cmapAt + f.getInt(rec + 4);
            int format = f.getShort(sub) & 0xFFFF;
            boolean unicode = platform == 0 || platform == 3 && (encoding == 1 || encoding == 10);
            if (unicode && format == 12) {
                format12 = sub;
            } else if (unicode && format == 4) {
                format4 = sub;
            }
        }
        TreeMap<Integer, Integer> map = new TreeMap<>();
        if (format12 >= 0) {
            int groups = f.getInt(format12 + 12);
            for (int g = 0; g < groups; g++) {
                int at = format12 + 16 + 12 * g;
                int startChar = f.getInt(at);
                int endChar = f.getInt(at + 4);
                int glyph = f.getInt(at + 8);
                for (int cp = startChar; cp <= endChar; cp++) {
                    map.put(cp, glyph + cp - startChar);
                }
            }
            return map;
        }
        if (format4 < 0) {
            throw new IllegalArgumentException("no Unicode cmap subtable");
        }
        int segs = (f.getShort(format4 + 6) & 0xFFFF) / 2;
        int ends = format4 + 14;
        int starts = ends + 2 * segs + 2;
        int deltas = starts + 2 * segs;
        int ranges = deltas + 2 * segs;
        for (int s = 0; s < segs; s++) {
            int end = f.getShort(ends + 2 * s) & 0xFFFF;
            int start = f.getShort(starts + 2 * s) & 0xFFFF;
            int delta = f.getShort(deltas + 2 * s);
            int range = f.getShort(ranges + 2 * s) & 0xFFFF;
            for (int cp = start; cp <= end && cp != 0xFFFF; cp++) {
                int gid;
                if (range == 0) {
                    gid = (cp + delta) & 0xFFFF;
                } else {
                    int g = f.getShort(ranges + 2 * s + range + 2 * (cp - start)) & 0xFFFF;
                    gid = g == 0 ? 0 : (g + delta) & 0xFFFF;
                }
                if (gid != 0) {
                    map.put(cp, gid);
                }
            }
        }
        return map;
    }

    /** A cmap with one format 12 subtable, referenced as Unicode full (3/10) and Unicode BMP (0/4). */
    private static byte[] format12(TreeMap<Integer, Integer> map) {
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] + 1 == e.getKey() && last[2] + (e.getKey() - last[0]) == e.getValue()) {
                last[1] = e.getKey();
            } else {
                groups.add(new int[] {e.getKey(), e.getKey(), e.getValue()});
            }
        }
        int subLength = 16 + 12 * groups.size();
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * 2 + subLength);
        b.putShort((short) 0).putShort((short) 2);
        b.putShort((short) 0).putShort((short) 4).putInt(20);
        b.putShort((short) 3).putShort((short) 10).putInt(20);
        b.putShort((short) 12).putShort((short) 0).putInt(subLength).putInt(0).putInt(groups.size());
        for (int[] g : groups) {
            b.putInt(g[0]).putInt(g[1]).putInt(g[2]);
        }
        return b.array();
    }

    /** Writes the table directory and tables (sorted by tag, 4-byte aligned) and fixes every checksum. */
    private static byte[] assemble(int sfntVersion, Map<String, byte[]> tables) {
        int n = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = 16 << entrySelector;
        int size = 12 + 16 * n;
        for (byte[] t : tables.values()) {
            size += (t.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(sfntVersion).putShort((short) n).putShort((short) searchRange)
                .putShort((short) entrySelector).putShort((short) (16 * n - searchRange));
        int offset = 12 + 16 * n;
        int headAt = -1;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] t = e.getValue();
            out.put(e.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .putInt(checksum(t)).putInt(offset).putInt(t.length);
            if (e.getKey().equals("head")) {
                headAt = offset;
            }
            offset += (t.length + 3) & ~3;
        }
        for (byte[] t : tables.values()) {
            out.put(t);
            while (out.position() % 4 != 0) {
                out.put((byte) 0);
            }
        }
        byte[] font = out.array();
        ByteBuffer.wrap(font).putInt(headAt + 8, (int) (0xB1B0AFBAL - (checksum(font) & 0xFFFFFFFFL)));
        return font;
    }

    private static int checksum(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum;
    }
}
