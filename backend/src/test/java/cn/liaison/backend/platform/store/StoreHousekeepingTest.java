package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data file as the service opens it (no background thread, a commit per write): rewriting
 * the same documents leaves chunks mostly stale, and the upkeep's steps raise their fill rate back
 * above its threshold, a bounded amount at a time, without losing or changing a value.
 */
class StoreHousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void stepsCompactStaleChunksBackAboveTheThresholdAndKeepEveryValue() {
        Path file = dir.resolve("data.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()) {
            // chunks are moved only once older than the retention time (45 s by default): here at once
            store.setRetentionTime(0);
            MVMap<Integer, String> docs = store.openMap("docs");
            String body = "x".repeat(400);
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 2_000; i++) {
                    docs.put(i, round + ":" + i + body);
                    if (i % 10 == 0) {
                        store.commit(); // as the service commits each write
                    }
                }
                store.commit();
            }
            int before = store.getFileStore().getChunksFillRate();
            assertTrue(before < StoreHousekeeping.FILL_PERCENT, "rewrites left stale chunks: " + before + "%");

            StoreHousekeeping housekeeping = new StoreHousekeeping(store);
            int steps = 0;
            MVMap<Integer, String> other = store.openMap("other");
            while (housekeeping.tidy()) {
                steps++;
                for (int w = 0; w < 10; w++) {
                    other.put(w, "write " + steps); // the service's own writes go on: a chunk left empty is dropped
                    store.commit();
                }
                assertTrue(steps < 1_000, "the steps end");
            }
            int after = store.getFileStore().getChunksFillRate();
            assertTrue(after >= StoreHousekeeping.FILL_PERCENT, "compacted to " + after + "% from " + before + "%");
            assertTrue(steps > 1, "a bounded amount a step, so more than one step: " + steps);
            assertEquals(2_000, docs.size());
            for (int i = 0; i < 2_000; i++) {
                assertEquals("5:" + i + body, docs.get(i));
            }
            housekeeping.close();
        }
    }
}
