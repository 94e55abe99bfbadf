package cn.liaison.kb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentError;
import cn.liaison.kb.content.ContentLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files are validated with the rest of the content and reported as file:line: reason. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            id: %s
            title: 开工一件事
            stage: construction-permit
            questions:
              - 开工前人防要办什么？
              - 开工人防手续
              - 动工前民防办啥
            topics: [item.basement-permit]
            region: 南京
            effective:
              from: 2026-01-01
            """;

    private Path kb(String scenarioId, String body) {
        Path root = Fixtures.copyOfFixture(dir.resolve("kb"));
        Fixtures.write(root.resolve("scenarios/" + scenarioId + ".yaml"), HEAD.formatted(scenarioId) + body);
        return root;
    }

    private static List<String> errors(Path root) {
        ContentLoader.Validation validation = ContentLoader.validate(root);
        assertFalse(validation.valid(), "expected errors");
        return validation.errors().stream().map(ContentError::toString).toList();
    }

    @Test
    void validScenarioLoadsWithItsStepsAndFormFields() {
        Path root = kb("start", """
                steps:
                  - item: item-basement-permit
                  - item: item-quality-supervision
                    after: [item-basement-permit]
                """);
        Fixtures.write(root.resolve("scenarios/form-fields.yaml"), """
                fields:
                  - id: projectName
                    title: 项目名称
                    type: string
                items:
                  - item: item-basement-permit
                    fields: [projectName]
                """);
        Content content = ContentLoader.load(root);
        assertEquals(1, content.scenarios().size());
        Scenario scenario = content.scenarios().get(0);
        assertEquals(ApprovalStage.CONSTRUCTION_PERMIT, scenario.stage());
        assertEquals(List.of("item-basement-permit", "item-quality-supervision"), scenario.itemIds());
        assertEquals(List.of("projectName"), scenario.form().fieldsOf("item-basement-permit"));
    }

    @Test
    void unknownItemIdIsReportedWithItsLine() {
        List<String> errors = errors(kb("start", """
                steps:
                  - item: item-basement-permit
                  - item: item-no-such-thing
                """));
        assertEquals(List.of("scenarios/start.yaml:14: unknown service item 'item-no-such-thing' (no kind: item entry with this id)"),
                errors);
    }

    @Test
    void nonItemEntryIsNotAServiceItem() {
        List<String> errors = errors(kb("start", """
                steps:
                  - item: topic-alarm
                """));
        assertTrue(errors.get(0).contains("unknown service item 'topic-alarm'"), errors.toString());
    }

    @Test
    void cycleInOrderingIsReported() {
        List<String> errors = errors(kb("start", """
                steps:
                  - id: a
                    item: item-basement-permit
                    after: [c]
                  - id: b
                    item: item-offsite-approval
                    after: [a]
                  - id: c
                    item: item-quality-supervision
                    after: [b]
                """));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("scenarios/start.yaml:"), errors.toString());
        assertTrue(errors.get(0).contains("ordering cycle: a → c → b → a"), errors.toString());
    }

    @Test
    void stepAfterItselfIsACycle() {
        List<String> errors = errors(kb("start", """
                steps:
                  - id: a
                    item: item-basement-permit
                    after: [a]
                """));
        assertTrue(errors.get(0).contains("ordering cycle: a → a"), errors.toString());
    }

    @Test
    void materialThatNoItemNeedsIsReported() {
        List<String> errors = errors(kb("start", """
                steps:
                  - item: item-basement-permit
                materials:
                  - name: 地质勘察报告
                    laterUnderCommitment: true
                """));
        // 地质勘察报告 belongs to item-offsite-approval, which this scenario does not bundle
        assertEquals(List.of("scenarios/start.yaml:15: material '地质勘察报告' is not a material of any item in this scenario"),
                errors);
    }

    @Test
    void unknownPredecessorStageAndTopicAreReported() {
        Path root = Fixtures.copyOfFixture(dir.resolve("kb"));
        Fixtures.write(root.resolve("scenarios/x.yaml"), """
                id: x
                title: 测试
                stage: demolition
                questions: [一, 二, 三]
                topics: [no.such.topic]
                region: 南京
                effective:
                  from: 2026-01-01
                steps:
                  - item: item-basement-permit
                    after: [ghost]
                """);
        List<String> errors = errors(root);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("unknown stage 'demolition'"), errors.toString());
        assertTrue(errors.get(1).contains("unknown topic 'no.such.topic'"), errors.toString());
        assertTrue(errors.get(2).contains("unknown step 'ghost'"), errors.toString());
    }

    @Test
    void formFieldsNameKnownItemsAndFields() {
        Path root = kb("start", """
                steps:
                  - item: item-basement-permit
                """);
        Fixtures.write(root.resolve("scenarios/form-fields.yaml"), """
                fields:
                  - id: projectName
                    title: 项目名称
                    type: text
                items:
                  - item: item-ghost
                    fields: [projectName]
                  - item: item-basement-permit
                    fields: [nope]
                """);
        List<String> errors = errors(root);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("unknown field type 'text'"), errors.toString());
        assertTrue(errors.get(1).contains("unknown service item 'item-ghost'"), errors.toString());
        assertTrue(errors.get(2).contains("unknown form field 'nope'"), errors.toString());
    }

    @Test
    void fileNameMustMatchTheId() {
        Path root = Fixtures.copyOfFixture(dir.resolve("kb2"));
        Fixtures.write(root.resolve("scenarios/other.yaml"), HEAD.formatted("start") + "steps:\n  - item: item-basement-permit\n");
        assertTrue(errors(root).get(0).contains("does not match the file name 'other.yaml'"));
    }
}
