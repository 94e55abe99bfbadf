package cn.liaison.kb.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.kb.content.SynonymRule;
import cn.liaison.kb.content.Synonyms;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(new Synonyms(List.of(
            new SynonymRule(List.of("人防", "人民防空", "民防"), List.of()),
            new SynonymRule(List.of("易地", "异地"), List.of()),
            new SynonymRule(List.of("人防费"), List.of("易地建设费")),
            new SynonymRule(List.of("报监"), List.of("质量监督")))));

    @Test
    void equivalentTermsBecomeTheFirstTerm() {
        assertEquals("易地建设费怎么交", normalizer.normalize("异地建设费怎么交"));
        assertEquals("人防工程", normalizer.normalize("民防工程"));
        assertEquals("人防法", normalizer.normalize("人民防空法"));
    }

    @Test
    void oneWayRulesAndChainsApply() {
        assertEquals("易地建设费多少钱", normalizer.normalize("人防费多少钱"));
        assertEquals("易地建设费多少钱", normalizer.normalize("人民防空费多少钱"));
        assertEquals("质量监督要什么材料", normalizer.normalize("报监要什么材料"));
    }

    @Test
    void widthCaseAndTraditionalCharactersAreNormalised() {
        assertEquals("abc123?", normalizer.normalize("ＡＢＣ１２３？"));
        assertEquals("易地建设费能不能减免", normalizer.normalize("異地建設費能不能減免"));
    }
}
