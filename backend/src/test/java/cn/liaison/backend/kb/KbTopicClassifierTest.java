package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.request.TopicClassifier.Classification;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.index.Audience;
import cn.liaison.kb.index.Decision;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What assessment makes of a search: a department's matter is forwarded only when the model took
 * part; on words alone the request stays with the office, uncategorised. The words-only variant of
 * the bundled content decides here, so the test needs no model.
 */
class KbTopicClassifierTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.variant("smartcn+bigram"));
    }

    @AfterAll
    static void close() throws Exception {
        kb.close();
    }

    @Test
    void aForwardOnWordsAloneKeepsTheRequest() {
        SearchOutcome forwarded = kb.askLexical("家里的户口本丢了去哪里补办", Audience.CHAT);
        assertEquals(Decision.FORWARDED, forwarded.decision(), forwarded.toString());

        Classification withModel = KbTopicClassifier.toClassification(kb, new Answers.Answer(forwarded, false, false));
        assertTrue(withModel.department().isPresent(), "the model took part: forwarded");

        Classification wordsOnly = KbTopicClassifier.toClassification(kb, new Answers.Answer(forwarded, false, true));
        assertEquals(Classification.unknown(), wordsOnly);
    }

    @Test
    void aTopicOnWordsAloneStillCategorises() {
        SearchOutcome answered = kb.askLexical("人防工程竣工验收备案需要哪些材料", Audience.CHAT);
        assertTrue(answered.decision() == Decision.ANSWERED || answered.decision() == Decision.SUGGESTED,
                answered.toString());
        Classification wordsOnly = KbTopicClassifier.toClassification(kb, new Answers.Answer(answered, false, true));
        assertTrue(wordsOnly.topicId().isPresent());
        assertTrue(wordsOnly.department().isEmpty());
    }
}
