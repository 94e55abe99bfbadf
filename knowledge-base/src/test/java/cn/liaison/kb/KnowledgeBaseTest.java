package cn.liaison.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final Content CONTENT = KnowledgeBase.load(Fixtures.fixtureKb());

    @Test
    void reindexWithANewEntryIsVisibleToTheNextAsk() {
        try (KnowledgeBase kb = KnowledgeBase.open(CONTENT, RetrievalConfig.variant("smartcn+bigram"))) {
            assertFalse(kb.ask("应急包怎么免费领取").answered());

            Entry alarm = CONTENT.entry("topic-alarm").orElseThrow();
            Entry kit = new Entry("topic-emergency-kit", alarm.kind(), "家庭应急包免费发放",
                    List.of("应急包怎么免费领取？", "家庭应急包去哪领", "免费应急包怎么申请", "应急包发放名单在哪看",
                            "每年发不发应急包", "应急包摇号怎么参加"),
                    "每年按区公开摇号，向登记家庭免费发放应急包。", alarm.topics(), "南京", alarm.effective(),
                    alarm.sources(), null);
            List<Entry> entries = new ArrayList<>(CONTENT.entries());
            entries.add(kit);

            kb.reindex(entries);

            SearchOutcome outcome = kb.ask("应急包怎么免费领取");
            assertTrue(outcome.answered());
            assertEquals("topic-emergency-kit", outcome.hits().get(0).entry().id());
            assertTrue(kb.entry("topic-emergency-kit").isPresent());
            assertTrue(KnowledgeBase.answer(kb.entry("topic-emergency-kit").get()).contains("摇号"));
        }
    }
}
