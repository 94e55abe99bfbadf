package cn.liaison.backend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {

    @Test
    void forgetsTheEntryReadLeastRecently() {
        Map<String, Integer> cache = LeastRecentlyUsed.map(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a"); // a is now the more recent
        cache.put("c", 3);
        assertEquals(Map.of("a", 1, "c", 3), Map.copyOf(cache));
    }
}
