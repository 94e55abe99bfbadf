package cn.liaison.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {
    /** Embeds a text as its length, and records what it was asked to embed. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return new float[] {text.length()};
        }
    }

    @Test
    void reindexingEmbedsOnlyNewTexts() {
        CountingEmbedder embedder = new CountingEmbedder();

        List<float[]> first = VectorCache.embedAll(embedder, List.of("一", "二二", "一"));
        List<float[]> second = VectorCache.embedAll(embedder, List.of("二二", "三三三", "一"));

        assertEquals(List.of("一", "二二", "三三三"), embedder.embedded);
        assertArrayEquals(new float[] {1}, first.get(0));
        assertArrayEquals(new float[] {1}, first.get(2));
        assertArrayEquals(new float[] {2}, second.get(0));
        assertArrayEquals(new float[] {3}, second.get(1));
        assertArrayEquals(new float[] {1}, second.get(2));
    }

    @AfterEach
    void keepNothing() {
        VectorCache.keepIn(null);
    }

    @Test
    void aRestartEmbedsNothingItKeptAndSurvivesACutShortFile(@TempDir Path dir) throws Exception {
        VectorCache.keepIn(dir);
        CountingEmbedder first = new CountingEmbedder();
        VectorCache.embedAll(first, List.of("一", "二二"));
        VectorCache.embedAll(first, List.of("三三三"));
        assertEquals(List.of("一", "二二", "三三三"), first.embedded);

        // a new run: the in-memory cache is gone, the file is read (same model: the same class and dimension)
        VectorCache.keepIn(dir);
        CountingEmbedder second = new CountingEmbedder();
        List<float[]> vectors = VectorCache.embedAll(second, List.of("三三三", "一", "四四四四"));
        assertEquals(List.of("四四四四"), second.embedded);
        assertArrayEquals(new float[] {3}, vectors.get(0));
        assertArrayEquals(new float[] {1}, vectors.get(1));

        // a crash in the middle of an append: the last record is cut short, the ones before it still count
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Files.write(file, new byte[] {0, 0, 0, 9, (byte) 0xE4}, StandardOpenOption.APPEND);
        VectorCache.keepIn(dir);
        CountingEmbedder third = new CountingEmbedder();
        VectorCache.embedAll(third, List.of("一", "二二", "三三三", "四四四四", "五"));
        assertEquals(List.of("五"), third.embedded);

        // and the damaged file was written afresh: the vector added after the crash is kept too
        VectorCache.keepIn(dir);
        CountingEmbedder fourth = new CountingEmbedder();
        VectorCache.embedAll(fourth, List.of("五", "一"));
        assertEquals(List.of(), fourth.embedded);
    }
}
