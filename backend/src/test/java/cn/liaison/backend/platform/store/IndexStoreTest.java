package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index file: kept across a clean stop, rewritten from its live entries when mostly stale. */
class IndexStoreTest {

    @TempDir
    Path dir;

    private static IndexEntryType.Entry entry(int i) {
        return new IndexEntryType.Entry(new KeyValue(List.of("liaison-" + i % 40, "ASSIGNED")), String.format("r-%08d", i));
    }

    @Test
    void aMostlyStaleFileIsWrittenAfreshAndStillTrusted() throws Exception {
        Path file = dir.resolve("indexes.mv.db");
        IndexStore store = IndexStore.open(file, 7);
        MVMap<IndexEntryType.Entry, Boolean> map = store.map("t.requests/liaisonId_1_status_1");
        // every entry written, committed, and nine in ten removed again: most chunks are stale
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 20_000; i++) {
                map.put(entry(round * 20_000 + i), Boolean.TRUE);
            }
            store.commit();
        }
        List<IndexEntryType.Entry> kept = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) {
            if (i % 10 == 0) {
                kept.add(entry(i));
            } else {
                map.remove(entry(i));
            }
        }
        store.markBuilt("t.requests/liaisonId_1_status_1");
        store.commit();
        long before = Files.size(file);

        assertTrue(store.closeClean(8, 0), "a file this stale is rewritten");
        long after = Files.size(file);
        assertTrue(after * 2 < before, before + " bytes before, " + after + " after");
        assertFalse(Files.exists(dir.resolve("indexes.mv.db.rewrite")));

        IndexStore reopened = IndexStore.open(file, 8);
        assertTrue(reopened.trusted(), "the rewritten file still records the data version it matches");
        assertTrue(reopened.builtAtOpen("t.requests/liaisonId_1_status_1"));
        assertEquals(kept, new ArrayList<>(reopened.map("t.requests/liaisonId_1_status_1").keySet()).stream()
                .sorted(java.util.Comparator.comparing(IndexEntryType.Entry::position, (a, b) -> ((String) a).compareTo((String) b)))
                .toList());
        assertFalse(reopened.closeClean(9, 0), "a file that is all live is kept as it is");
        assertTrue(IndexStore.open(file, 9).trusted());
    }

    @Test
    void aFileNotStoppedCleanIsNotTrusted() throws Exception {
        Path file = dir.resolve("indexes.mv.db");
        IndexStore store = IndexStore.open(file, 7);
        store.map("t.requests/status_1").put(entry(1), Boolean.TRUE);
        store.markBuilt("t.requests/status_1");
        store.closeClean(8, 0);
        IndexStore crashed = IndexStore.open(file, 8);
        crashed.close(); // as a crash leaves it: no record of a clean stop
        IndexStore after = IndexStore.open(file, 8);
        assertFalse(after.trusted());
        assertFalse(after.builtAtOpen("t.requests/status_1"));
        after.close();
    }
}
