package cn.liaison.kb.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private final Spelling spelling = new Spelling(List.of("人防", "防空地下室", "易地建设费", "报建", "报监", "报建审批", "消防验收"));

    @Test
    void homophoneOfADomainWordBecomesTheWord() {
        assertEquals("人防报建要什么材料", spelling.correct("人访报建要什么材料"));
        assertEquals("防空地下室报建", spelling.correct("防控地下室报建"));
    }

    @Test
    void pinyinSpellingDomainWordsBecomesTheWords() {
        assertEquals("人防报建", spelling.correct("renfang报建"));
        assertEquals("易地建设费 怎么交", spelling.correct("yidi jianshe fei 怎么交"));
        assertEquals("消防验收找谁", spelling.correct("xiaofangyanshou找谁"));
    }

    @Test
    void ordinaryWordsAndAmbiguousHomophonesAreLeftAlone() {
        assertEquals("保健品去哪买", spelling.correct("保健品去哪买"));
        assertEquals("报坚流程", spelling.correct("报坚流程"));
        assertEquals("hello 你好", spelling.correct("hello 你好"));
    }
}
