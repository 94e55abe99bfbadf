package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data file as the service runs it (MVStore's background thread stopped, a commit per write on
 * the writer's thread): the upkeep's steps commit what is pending and compact the chunks that
 * rewriting the same documents left stale, without losing or changing a value.
 */
class StoreHousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void stepsCompactStaleChunksAndKeepEveryValue() {
        try (MVStore store = new MVStore.Builder().fileName(dir.resolve("data.mv.db").toString()).open()) {
            store.setAutoCommitDelay(0); // as StoreHousekeeping.start does
            // chunks are rewritten only once older than the retention time (45 s by default): here at once
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
            assertTrue(before < 50, "rewrites left stale chunks: " + before + "%");

            StoreHousekeeping housekeeping = new StoreHousekeeping(store);
            MVMap<Integer, String> other = store.openMap("other");
            for (int step = 0; step < 20; step++) {
                housekeeping.tidy();
                for (int w = 0; w < 10; w++) {
                    other.put(w, "write " + step); // the service's own writes go on: a chunk left empty is freed
                    store.commit();
                }
            }
            int after = store.getFileStore().getChunksFillRate();
            assertTrue(after >= 2 * before, "compacted to " + after + "% from " + before + "%");
            assertEquals(2_000, docs.size());
            for (int i = 0; i < 2_000; i++) {
                assertEquals("5:" + i + body, docs.get(i));
            }
            housekeeping.close();
        }
    }

    @Test
    void aStepCommitsWhatIsPending() {
        try (MVStore store = new MVStore.Builder().fileName(dir.resolve("pending.mv.db").toString()).open()) {
            store.setAutoCommitDelay(0);
            store.openMap("docs").put("a", "b");
            assertTrue(store.hasUnsavedChanges());
            StoreHousekeeping housekeeping = new StoreHousekeeping(store);
            housekeeping.tidy();
            assertFalse(store.hasUnsavedChanges(), "committed by the step, as the background thread did");
            housekeeping.close();
        }
    }
}
