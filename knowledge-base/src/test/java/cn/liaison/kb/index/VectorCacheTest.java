package cn.liaison.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
