package cn.liaison.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.gap.GapSuggestion;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    @Test
    void aQuestionRatedUnhelpfulIsNeverSuggestedToTheEntryThatAnsweredIt() {
        try (KnowledgeBase kb = KnowledgeBase.open(CONTENT, RetrievalConfig.variant("smartcn+bigram"))) {
            String question = "易地建设费一平方米多少钱";
            String closest = kb.ask(question).hits().get(0).entry().id();
            var plain = kb.suggestGaps(List.of(new GapSuggestion.Asked(question, 3)));
            assertEquals(closest, plain.get(0).entryId(), "without a rating the closest entry takes the question");
            assertEquals(0, plain.get(0).lowRated());

            var rated = kb.suggestGaps(List.of(new GapSuggestion.Asked(question, 3, 2, Set.of(closest))));
            assertFalse(closest.equals(rated.get(0).entryId()), "rated unhelpful on " + closest + ": " + rated);
            assertEquals(2, rated.get(0).lowRated());
            assertEquals(3, rated.get(0).asked());
        }
    }
}
