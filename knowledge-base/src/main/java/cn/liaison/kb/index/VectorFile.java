package cn.liaison.kb.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The vectors of indexed texts kept on disk between runs, so that a restart builds the index without
 * embedding again (the embedding was most of a start: seconds of CPU for the bundled content). An
 * append-only file: a header naming the model, then one record per text (text, vector, CRC-32). A
 * record cut short by a crash, or one that does not check, ends the read; what came before it is
 * used. A file for another model or dimension is ignored and replaced. Only texts of the knowledge
 * base go in it (public content), never users' questions.
 */
final class VectorFile {

    private static final String MAGIC = "liaison-vectors-1";

    private final Path file;
    private final String model;
    private final int dimension;
    private int records;
    /** The file ended in a record that did not check: the next append rewrites it instead. */
    private boolean damaged;

    VectorFile(Path file, Embedder embedder) {
        this.file = file;
        this.model = embedder.getClass().getName();
        this.dimension = embedder.dimension();
    }

    /** The vectors stored so far, oldest first (a later record of the same text wins). */
    synchronized Map<String, float[]> load() {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        records = 0;
        damaged = true;
        if (!Files.isRegularFile(file)) {
            return vectors;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || !model.equals(in.readUTF()) || in.readInt() != dimension) {
                return vectors;
            }
            while (true) {
                int first = in.read();
                if (first < 0) {
                    damaged = false; // a clean end, after a whole record
                    break;
                }
                int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                if (length <= 0 || length > 1 << 20) {
                    break;
                }
                byte[] text = in.readNBytes(length);
                float[] vector = new float[dimension];
                CRC32 crc = new CRC32();
                crc.update(text);
                byte[] raw = in.readNBytes(dimension * 4);
                if (text.length < length || raw.length < dimension * 4) {
                    break;
                }
                crc.update(raw);
                if ((int) crc.getValue() != in.readInt()) {
                    break;
                }
                java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(vector);
                vectors.put(new String(text, StandardCharsets.UTF_8), vector);
                records++;
            }
        } catch (EOFException cutShort) {
            // a crash while appending: keep what checked
        } catch (IOException e) {
            return vectors;
        }
        return vectors;
    }

    /** Appends new vectors; starts the file afresh (with {@code kept}) when it is missing, foreign or too long. */
    synchronized void append(Map<String, float[]> added, Map<String, float[]> kept, int maxRecords) {
        try {
            if (damaged || records == 0 || records + added.size() > maxRecords * 2 || !Files.isRegularFile(file)) {
                rewrite(kept);
                return;
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND))) {
                DataOutputStream data = new DataOutputStream(out);
                for (Map.Entry<String, float[]> entry : added.entrySet()) {
                    writeRecord(data, entry.getKey(), entry.getValue());
                }
            }
            records += added.size();
        } catch (IOException e) {
            // a cache: the next start embeds again
        }
    }

    private void rewrite(Map<String, float[]> vectors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(model);
            out.writeInt(dimension);
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                writeRecord(out, entry.getKey(), entry.getValue());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        records = vectors.size();
        damaged = false;
    }

    private void writeRecord(DataOutputStream out, String text, float[] vector) throws IOException {
        if (vector.length != dimension) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(dimension * 4);
        DataOutputStream floats = new DataOutputStream(raw);
        for (float v : vector) {
            floats.writeFloat(v);
        }
        byte[] rawBytes = raw.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        crc.update(rawBytes);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.write(rawBytes);
        out.writeInt((int) crc.getValue());
    }
}
