package cn.liaison.backend.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.project.ProjectFacts;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Content;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled rules load and rest on real knowledge-base entries; bad rules fail with a clear message. */
class PolicyRulesTest {

    private final PolicyRuleParser parser = new PolicyRuleParser(ProjectFacts.SCHEMA);

    @Test
    void bundledRulesLoadAndCiteExistingKnowledgeBaseEntriesAndTopics() {
        List<PolicyRule> rules = PolicyRules.loadBundled(ProjectFacts.SCHEMA);
        assertEquals(Set.of("nanjing-rural-integration-exempt", "nanjing-offsite-fee-lowered", "nanjing-credit-commitment",
                "henan-logistics-zero-fee"), rules.stream().map(PolicyRule::id).collect(Collectors.toSet()));
        Content kb = KnowledgeBase.loadBundled();
        Set<String> entries = kb.entries().stream().map(e -> e.id()).collect(Collectors.toSet());
        Set<String> topics = kb.topics().stream().map(t -> t.id()).collect(Collectors.toSet());
        for (PolicyRule rule : rules) {
            assertTrue(entries.containsAll(rule.sources()), rule.id() + " cites " + rule.sources());
            assertTrue(topics.containsAll(rule.topics()), rule.id() + " topics " + rule.topics());
            assertTrue(!rule.sources().isEmpty(), rule.id());
        }
        assertEquals("河南", rules.stream().filter(r -> r.id().startsWith("henan")).findFirst().orElseThrow().region());
    }

    private static String rule(String when) {
        return """
                id: test-rule
                title: 测试
                region: 南京
                effective: {from: 2026-01-01, to: null}
                when:
                %s
                effect: {kind: OFFSITE_FEE_ZERO, text: 零}
                """.formatted(when);
    }

    @Test
    void unknownFieldIsRejectedNamingFileAndPlace() {
        PolicyRuleException e = assertThrows(PolicyRuleException.class,
                () -> parser.parse("policies/x.yaml", rule("  - {field: floorArea, op: lt, value: 2000}")));
        assertTrue(e.getMessage().startsWith("policies/x.yaml: when[0].field: unknown field 'floorArea'"), e.getMessage());
    }

    @Test
    void badOperatorsAndValuesAreRejected() {
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: totalFloorArea, op: below, value: 2000}"))).getMessage().contains("unknown operator 'below'"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: landUse, op: lt, value: 2000}"))).getMessage().contains("needs a number field"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: landUse, op: eq, value: WAREHOUSE}"))).getMessage().contains("'WAREHOUSE' is not a value of landUse"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: totalFloorArea, op: lt, value: big}"))).getMessage().contains("needs a number"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: landUse, op: in, value: RESIDENTIAL}"))).getMessage().contains("needs a non-empty list"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: landUse, op: eq, value: RESIDENTIAL}").replace("OFFSITE_FEE_ZERO", "FREE")))
                .getMessage().contains("effect.kind"));
        assertTrue(assertThrows(PolicyRuleException.class, () -> parser.parse("x.yaml",
                rule("  - {field: landUse, op: eq, value: RESIDENTIAL}") + "extra: 1\n")).getMessage().contains("extra: unknown key"));
    }
}
