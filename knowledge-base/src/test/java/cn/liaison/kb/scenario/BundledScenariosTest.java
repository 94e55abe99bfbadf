package cn.liaison.kb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Kind;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled scenarios compose, and a scenario question is answered with its package. */
class BundledScenariosTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.defaults());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void theFourScenariosOfTheIssueAreBundled() {
        Content content = kb.content();
        assertEquals(Set.of("start-construction", "completion-acceptance", "offsite-merged", "handover-certificate"),
                content.scenarios().stream().map(Scenario::id).collect(Collectors.toSet()));
        for (ScenarioPackage pkg : Scenarios.all(content)) {
            assertEquals(pkg.scenario().itemIds().size(), pkg.items().size(), "every bundled item is published");
            long distinct = pkg.materials().stream().map(m -> m.name()).distinct().count();
            assertEquals(pkg.materials().size(), distinct, "each material once");
            assertTrue(MergedForm.fieldIds(pkg).size() > 3, pkg.scenario().id() + " has a merged form");
        }
    }

    @Test
    void sharedMaterialsAreMergedInTheBundledPackages() {
        ScenarioPackage completion = kb.scenario("completion-acceptance").orElseThrow();
        var report = completion.materials().stream().filter(m -> m.name().equals("竣工验收报告")).findFirst().orElseThrow();
        assertEquals(List.of("item-joint-acceptance", "item-completion-filing"), PackageMaps.ids(report.items()));
        ScenarioPackage merged = kb.scenario("offsite-merged").orElseThrow();
        assertTrue(merged.materials().stream().anyMatch(m -> m.name().equals("建设工程规划许可证") && m.exempt()));
        assertTrue(merged.materials().stream().anyMatch(m -> m.name().equals("地下管线情况报告") && m.later()));
        assertTrue(merged.phases().get(0).parallel(), "licence and fee are handled together");
    }

    @Test
    void scenarioQuestionsAreAnsweredWithThePackage() {
        Map<String, String> questions = Map.of(
                "开工前人防要办什么", "start-construction",
                "竣工验收人防这块要准备啥", "completion-acceptance",
                "预售的楼盘想交房即交证，人防这块怎么办", "handover-certificate",
                "规划许可已经拿到了，人防易地建设审批和交费能合并一次办吗", "offsite-merged");
        questions.forEach((q, id) -> {
            SearchOutcome outcome = kb.ask(q);
            assertTrue(outcome.answered(), q + " → " + outcome);
            assertEquals(Kind.SCENARIO, outcome.best().orElseThrow().entry().kind(), q);
            ScenarioPackage pkg = kb.scenarioOf(outcome.best().orElseThrow().entry()).orElseThrow();
            assertEquals(id, pkg.scenario().id(), q);
            assertTrue(KnowledgeBase.answer(outcome.best().orElseThrow().entry()).contains("一套材料"), q);
        });
    }
}
