package cn.liaison.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.liaison.kb.Fixtures;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every analyser variant retrieves and abstains sensibly on the fixture (not only the default). */
class AnalyzerVariantsTest {
    private static final Content CONTENT = ContentLoader.load(Fixtures.fixtureKb());

    @ParameterizedTest
    @ValueSource(strings = {"smartcn", "hanlp", "bigram", "hanlp+bigram", "bge", "bigram+bge"})
    void variantRanksParaphrasesAndIgnoresChitChat(String variant) throws IOException {
        try (KbIndex index = KbIndex.build(CONTENT, RetrievalConfig.variant(variant))) {
            assertEquals("fee-offsite-fee", index.search("异地建设费多少钱一平方米").hits().get(0).entry().id());
            assertEquals("topic-alarm", index.search("防空警报有几种").hits().get(0).entry().id());
            assertFalse(index.search("今天天气怎么样").answered());
        }
    }
}
