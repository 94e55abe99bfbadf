package cn.liaison.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.content.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveIndexTest {
    private static final Content CONTENT = ContentLoader.load(Fixtures.fixtureKb());
    private static final RetrievalConfig LEXICAL = RetrievalConfig.variant("hanlp+bigram");

    private static KbIndex index(List<Entry> entries) {
        return KbIndex.build(entries, CONTENT.forward(), CONTENT.synonyms(), CONTENT.dictionary(), LEXICAL);
    }

    @Test
    void searchAfterSwapSeesTheNewEntries() {
        List<Entry> withoutAlarm = CONTENT.entries().stream().filter(e -> !e.id().equals("topic-alarm")).toList();
        try (LiveIndex live = new LiveIndex(index(withoutAlarm))) {
            assertFalse(live.search("防空警报有哪几种信号").hits().stream()
                    .anyMatch(hit -> hit.entry().id().equals("topic-alarm")));
            KbIndex old = live.current();

            live.swap(index(CONTENT.entries()));

            SearchOutcome outcome = live.search("防空警报有哪几种信号");
            assertEquals("topic-alarm", outcome.hits().get(0).entry().id());
            assertTrue(outcome.answered());
            assertFalse(old.tryIncRef(), "the replaced index is released once no search holds it");
        }
    }

    @Test
    void aClosedLiveIndexRefusesSearches() {
        LiveIndex live = new LiveIndex(index(CONTENT.entries()));
        live.close();
        assertThrows(IllegalStateException.class, () -> live.search("防空警报"));
    }
}
