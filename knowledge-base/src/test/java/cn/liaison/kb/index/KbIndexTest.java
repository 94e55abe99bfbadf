package cn.liaison.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KbIndexTest {
    private static KbIndex index;

    @BeforeAll
    static void build() {
        Content content = ContentLoader.load(Fixtures.fixtureKb());
        index = KbIndex.build(content, RetrievalConfig.defaults());
    }

    static String describe(SearchOutcome outcome) {
        return outcome.question() + " -> " + outcome.decision() + " " + outcome.confidence() + " "
                + outcome.hits().stream().map(h -> h.entry().id() + "=" + Math.round(h.score() * 1000) / 1000.0).toList()
                + " forward=" + (outcome.forward() == null ? null : outcome.forward().department());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /**
     * The ranker keeps each looked-up term's statistics, and leaves terms the index lacks out of the
     * query: questions asked after others that share and miss terms score exactly as on a fresh index.
     */
    @Test
    void termsLookedUpBeforeScoreAsOnAFreshIndex() throws IOException {
        java.util.List<String> questions = java.util.List.of("防空地下室的审批在哪里办", "地下室审批需要什么材料，编号123",
                "易地建设费怎么交，编号456", "完全无关的问题：今天天气怎么样", "防空地下室易地建设费审批材料");
        questions.forEach(q -> index.search(q, Audience.CHAT, false)); // the shared index has seen them all
        try (KbIndex fresh = KbIndex.build(ContentLoader.load(Fixtures.fixtureKb()), RetrievalConfig.defaults())) {
            java.util.List<String> reversed = new java.util.ArrayList<>(questions);
            java.util.Collections.reverse(reversed); // a fresh index asked in another order
            for (String q : reversed) {
                assertEquals(describe(fresh.search(q, Audience.CHAT, false)), describe(index.search(q, Audience.CHAT, false)));
                assertEquals(describe(fresh.search(q, Audience.CHAT, true)), describe(index.search(q, Audience.CHAT, true)));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "我们公司要盖新楼，防空地下室的审批在哪里办, item-basement-permit",
        "地质是流沙，建不了地下室，能申请易地吗, item-offsite-approval",
        "报监需要带什么材料, item-quality-supervision",
        "警报响了我该怎么做, topic-alarm",
        "防空洞在哪, topic-shelter-location",
        "人防车库可以出租吗, topic-peacetime-use",
        "廉租房项目能免交易地建设费吗, policy-fee-reduction",
    })
    void paraphraseFindsTheRightEntryFirst(String question, String id) {
        SearchOutcome outcome = index.search(question);
        assertEquals(id, outcome.hits().get(0).entry().id(), () -> describe(outcome));
        assertTrue(outcome.answered(), () -> describe(outcome));
        assertNull(outcome.forward());
    }

    @ParameterizedTest
    @ValueSource(strings = {"异地建设费一平方多少钱", "人防费怎么收", "民防易地建设费收费标准"})
    void synonymsReachTheOffsiteFeeEntry(String question) {
        SearchOutcome outcome = index.search(question);
        assertEquals("fee-offsite-fee", outcome.hits().get(0).entry().id(), () -> describe(outcome));
        assertTrue(outcome.answered(), () -> describe(outcome));
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好", "今天天气怎么样", "帮我订一张去北京的机票", "谢谢"})
    void outOfScopeQuestionsAreNotAnswered(String question) {
        SearchOutcome outcome = index.search(question);
        assertFalse(outcome.answered(), () -> describe(outcome));
        assertTrue(outcome.confidence() < index.config().suggestThreshold(), () -> describe(outcome));
    }

    @ParameterizedTest
    @CsvSource({
        "营业执照怎么办理, 市场监督管理局",
        "我想查一下公司的社保缴费记录, 人力资源和社会保障局",
        "公积金怎么提取, 住房公积金管理中心",
    })
    void otherDepartmentsMattersAreForwarded(String question, String department) {
        SearchOutcome outcome = index.search(question);
        assertFalse(outcome.answered(), () -> describe(outcome));
        assertEquals(Decision.FORWARDED, outcome.decision(), () -> describe(outcome));
        assertEquals(department, outcome.forward().department());
    }

    @Test
    void everyResultHasAScoreInUnitRangeBestFirst() {
        SearchOutcome outcome = index.search("易地建设费");
        assertFalse(outcome.hits().isEmpty());
        assertTrue(outcome.hits().size() <= KbIndex.MAX_HITS);
        double previous = 1;
        for (Hit hit : outcome.hits()) {
            assertTrue(hit.score() >= 0 && hit.score() <= previous, () -> describe(outcome));
            previous = hit.score();
        }
        assertTrue(outcome.confidence() >= 0 && outcome.confidence() <= 1);
    }

    @Test
    void betweenTheThresholdsOffersDidYouMeanQuestions() {
        KbIndex strict = index.withConfig(index.config().withThresholds(0.99, 0.05));
        SearchOutcome outcome = strict.search("易地建设费");
        assertEquals(Decision.SUGGESTED, outcome.decision(), () -> describe(outcome));
        assertFalse(outcome.answered());
        assertTrue(outcome.suggestions().size() >= 1 && outcome.suggestions().size() <= KbIndex.MAX_SUGGESTIONS);
        assertTrue(outcome.suggestions().contains("易地建设费怎么收？"), () -> describe(outcome));
    }

    @Test
    void blankQuestionAbstains() {
        SearchOutcome outcome = index.search("   ");
        assertEquals(Decision.ABSTAINED, outcome.decision());
        assertTrue(outcome.hits().isEmpty());
        assertEquals(0, outcome.confidence());
    }
}
