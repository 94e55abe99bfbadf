package cn.liaison.kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
    @TempDir
    Path dir;

    private static final String VALID_FAQ = """
            id: %s
            kind: faq
            title: 测试条目
            questions:
              - 问题一？
              - 问题二
              - 问题三
              - 问题四
              - 问题五
              - 问题六
            answer: |
              回答。
            topics: [topic.alarm]
            region: 南京
            effective:
              from: 2026-01-01
              to: null
            sources:
              - title: 来源
            """;

    private List<String> errors() {
        ContentLoader.Validation validation = ContentLoader.validate(dir);
        assertFalse(validation.valid(), "broken content must not validate");
        return validation.errors().stream().map(ContentError::toString).toList();
    }

    @Test
    void fixtureLoadsIntoTheModel() {
        Content content = ContentLoader.load(Fixtures.fixtureKb());
        assertEquals(8, content.entries().size());
        assertEquals(8, content.topics().size());
        assertEquals(5, content.forward().departments().size());
        assertEquals(4, content.synonyms().rules().size());
        assertTrue(content.dictionary().contains("易地建设费"));
        Entry permit = content.entry("item-basement-permit").orElseThrow();
        assertEquals(Kind.ITEM, permit.kind());
        assertEquals(LocalDate.of(2026, 1, 1), permit.effective().from());
        assertEquals(3, permit.item().materials().size());
        assertTrue(permit.item().materials().get(2).laterUnderCommitment());
        assertEquals(MaterialForm.COPY, permit.item().materials().get(1).form());
        assertEquals(20, permit.item().legalTimeLimitDays());
        assertEquals("https://www.jszwfw.gov.cn/", permit.item().onlineUrl());
        Entry quality = content.entry("item-quality-supervision").orElseThrow();
        assertEquals(null, quality.item().legalTimeLimitDays());
        assertEquals(null, quality.effective().to());
    }

    @Test
    void reportsEveryProblemWithFileAndLine() {
        Fixtures.copyOfFixture(dir);
        Fixtures.write(dir.resolve("entries/wrong-name.yaml"), VALID_FAQ.formatted("other-name"));
        Fixtures.write(dir.resolve("entries/topic-alarm-copy.yaml"), VALID_FAQ.formatted("topic-alarm"));
        Fixtures.write(dir.resolve("entries/unknown-topic.yaml"),
                VALID_FAQ.formatted("unknown-topic").replace("[topic.alarm]", "[topic.nope]"));
        Fixtures.write(dir.resolve("entries/bad-date.yaml"),
                VALID_FAQ.formatted("bad-date").replace("from: 2026-01-01", "from: 2026-13-45"));
        Fixtures.write(dir.resolve("entries/empty-answer.yaml"),
                VALID_FAQ.formatted("empty-answer").replace("answer: |\n  回答。", "answer: \"  \""));
        Fixtures.write(dir.resolve("entries/few-questions.yaml"),
                VALID_FAQ.formatted("few-questions").replace("  - 问题六\n", "").replace("  - 问题五\n", ""));
        Fixtures.write(dir.resolve("entries/no-title.yaml"),
                VALID_FAQ.formatted("no-title").replace("title: 测试条目\n", ""));
        Fixtures.write(dir.resolve("entries/unknown-kind.yaml"),
                VALID_FAQ.formatted("unknown-kind").replace("kind: faq", "kind: notice"));
        Fixtures.write(dir.resolve("entries/item-no-materials.yaml"), VALID_FAQ.formatted("item-no-materials")
                .replace("kind: faq", "kind: item")
                + "legalBasis: [人防法]\nsteps: [申请]\nfee: 不收费\nwhere:\n  window: 窗口\n");

        List<String> errors = errors();

        assertTrue(errors.contains("entries/wrong-name.yaml:1: 编号 'other-name' 与文件名 'wrong-name.yaml' 不一致"), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("entries/topic-alarm.yaml:1: 编号 'topic-alarm' 重复")
                || e.startsWith("entries/topic-alarm-copy.yaml:1: 编号 'topic-alarm' 重复")), errors::toString);
        assertTrue(errors.contains("entries/unknown-topic.yaml:13: 未知主题 'topic.nope'（topics.yaml 中没有）"), errors::toString);
        assertTrue(errors.contains("entries/bad-date.yaml:16: 'from' 的日期无效：2026-13-45（应为 YYYY-MM-DD）"), errors::toString);
        assertTrue(errors.contains("entries/empty-answer.yaml:11: 'answer' 不能为空"), errors::toString);
        assertTrue(errors.contains("entries/few-questions.yaml:4: 需要标准问法和至少 5 个变体（共 6 个问法），现有 4 个"), errors::toString);
        assertTrue(errors.contains("entries/no-title.yaml:1: 缺少必填字段 'title'"), errors::toString);
        assertTrue(errors.contains("entries/unknown-kind.yaml:2: 未知类型 'notice'（应为 item | policy | faq | case | guide）"), errors::toString);
        assertTrue(errors.contains("entries/item-no-materials.yaml:1: 办事事项没有材料：至少列出一项材料"), errors::toString);
        // topic-alarm-copy.yaml also carries an id that is not its file name.
        assertTrue(errors.contains("entries/topic-alarm-copy.yaml:1: 编号 'topic-alarm' 与文件名 'topic-alarm-copy.yaml' 不一致"), errors::toString);
        assertEquals(10, errors.size(), errors::toString);
    }

    @Test
    void rejectsBrokenYamlAndUnknownFieldsWithTheirLines() {
        Fixtures.copyOfFixture(dir);
        Fixtures.write(dir.resolve("entries/broken-yaml.yaml"), "id: broken-yaml\nkind: faq\nquestions: [a, b\n");
        Fixtures.write(dir.resolve("entries/typo.yaml"), VALID_FAQ.formatted("typo") + "matrials: []\n");
        Fixtures.write(dir.resolve("entries/faq-with-fee.yaml"), VALID_FAQ.formatted("faq-with-fee") + "fee: 不收费\n");

        List<String> errors = errors();

        assertTrue(errors.stream().anyMatch(e -> e.startsWith("entries/broken-yaml.yaml:4: 不是有效的 YAML")), errors::toString);
        assertTrue(errors.contains("entries/typo.yaml:20: 未知字段 'matrials'"), errors::toString);
        assertTrue(errors.contains("entries/faq-with-fee.yaml:20: 字段 'fee' 只用于 kind: item（本条目是 faq）"), errors::toString);
    }

    @Test
    void rejectsBadMaterialsTopicsAndSynonyms() {
        Fixtures.copyOfFixture(dir);
        Fixtures.write(dir.resolve("entries/bad-material.yaml"), VALID_FAQ.formatted("bad-material")
                .replace("kind: faq", "kind: item")
                + "legalBasis: [人防法]\nmaterials:\n  - name: 申请表\n    form: scan\n    copies: 0\n"
                + "steps: [申请]\nfee: 不收费\nwhere:\n  window: 窗口\n");
        Fixtures.write(dir.resolve("topics.yaml"), "topics:\n  - id: topic.alarm\n    title: 警报\n  - id: topic.alarm\n    title: 又一个\n");
        Fixtures.write(dir.resolve("synonyms.txt"), "# c\n人防,人民防空\n单独一个\n人防 => 民防\na => \n");

        List<String> errors = errors();

        assertTrue(errors.contains("entries/bad-material.yaml:23: 未知材料形式 'scan'（应为 original | copy | original-and-copy | electronic）"), errors::toString);
        assertTrue(errors.contains("entries/bad-material.yaml:24: 'copies' 至少为 1"), errors::toString);
        assertTrue(errors.contains("topics.yaml:4: 主题编号 'topic.alarm' 重复（首次出现在第 2 行）"), errors::toString);
        assertTrue(errors.contains("synonyms.txt:3: 等价规则至少需要两个用逗号分隔的词"), errors::toString);
        assertTrue(errors.contains("synonyms.txt:4: 词 '人防' 已在第 2 行有规则"), errors::toString);
        assertTrue(errors.contains("synonyms.txt:5: 同义词为空"), errors::toString);
    }

    @Test
    void loadThrowsWithAllErrors() {
        Fixtures.copyOfFixture(dir);
        Fixtures.write(dir.resolve("entries/a-one.yaml"), "id: a-one\n");
        ContentException e = assertThrows(ContentException.class, () -> ContentLoader.load(dir));
        assertTrue(e.errors().size() >= 8, e::getMessage);
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("entries/a-one.yaml:1: 缺少必填字段 'kind'"), e::getMessage);
    }

    @Test
    void missingCatalogueIsAnError() {
        Fixtures.write(dir.resolve("entries/.keep"), "");
        assertTrue(errors().contains("topics.yaml:0: 缺少文件 topics.yaml"));
    }
}
