package cn.liaison.kb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.content.Effective;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import cn.liaison.kb.content.Material;
import cn.liaison.kb.content.MaterialForm;
import cn.liaison.kb.content.ServiceItem;
import cn.liaison.kb.content.Source;
import cn.liaison.kb.content.Where;
import cn.liaison.kb.scenario.ScenarioPackage.MergedMaterial;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Composing a package from items that share materials. */
class PackageComposerTest {

    private static Entry item(String id, String title, Integer legal, Integer promised, String fee, Material... materials) {
        return new Entry(id, Kind.ITEM, title, List.of(title + "怎么办"), "回答", List.of("item.x"), "南京",
                new Effective(LocalDate.of(2026, 1, 1), null), List.of(new Source("来源", null)),
                new ServiceItem(List.of("依据"), List.of(materials), List.of(title + "受理", title + "决定"), legal, promised,
                        fee, new Where("窗口", "江苏政务服务网"), "https://www.jszwfw.gov.cn/"));
    }

    private static Material m(String name, boolean later, boolean licence) {
        return new Material(name, MaterialForm.COPY, 1, null, later, licence);
    }

    private static final Entry PERMIT = item("item-a", "报建审批", 20, 5, "不收费",
            m("申请表", false, false), m("规划许可证", false, true), m("身份证明", true, false), m("面积计算书", false, false));
    private static final Entry OFFSITE = item("item-b", "易地审批", 20, 7, "审批不收费",
            m("规划许可证", false, false), m("面积计算书", true, false), m("勘察报告", false, false));
    private static final Entry SUPERVISION = item("item-c", "质量监督", null, 3, "不收费",
            m("申请表", false, false), m("合同", true, false));
    private static final Function<String, Optional<Entry>> ITEMS = id -> Optional.ofNullable(
            Map.of("item-a", PERMIT, "item-b", OFFSITE, "item-c", SUPERVISION).get(id));

    private static Scenario scenario(List<ScenarioStep> steps, List<MaterialRule> rules, FormCatalogue form) {
        return new Scenario("s", "测试一件事", ApprovalStage.CONSTRUCTION_PERMIT, List.of("q1", "q2", "q3"),
                List.of("item.x"), "南京", LocalDate.of(2026, 1, 1), steps, rules, null, List.of(), form);
    }

    private static ScenarioStep step(String item, String... after) {
        return new ScenarioStep(item, item, List.of(after), null, null);
    }

    @Test
    void sharedMaterialAppearsOnceNamingEveryItemThatNeedsIt() {
        ScenarioPackage pkg = PackageComposer.compose(scenario(
                List.of(step("item-a"), step("item-b"), step("item-c", "item-a", "item-b")), List.of(), null), ITEMS);
        Map<String, MergedMaterial> byName = pkg.materials().stream()
                .collect(Collectors.toMap(MergedMaterial::name, x -> x));
        assertEquals(List.of("申请表", "规划许可证", "身份证明", "面积计算书", "勘察报告", "合同"),
                pkg.materials().stream().map(MergedMaterial::name).toList(), "each material once, in first-use order");
        assertEquals(List.of("item-a", "item-c"), byName.get("申请表").items().stream().map(r -> r.id()).toList());
        assertEquals(List.of("item-a", "item-b"), byName.get("规划许可证").items().stream().map(r -> r.id()).toList());
        assertTrue(byName.get("规划许可证").exempt(), "one item says it comes from electronic licences: 免提交");
        assertEquals("免提交", byName.get("规划许可证").handling());
        assertFalse(byName.get("面积计算书").later(), "容缺 only when every item needing it accepts it later");
        assertTrue(byName.get("身份证明").later());
        assertEquals("可容缺（承诺后补）", byName.get("身份证明").handling());
        assertEquals("需提交", byName.get("勘察报告").handling());
    }

    @Test
    void phasesRunInParallelAndTimeLimitsAddUpAlongThem() {
        ScenarioPackage pkg = PackageComposer.compose(scenario(
                List.of(step("item-a"), step("item-b"), step("item-c", "item-a", "item-b")), List.of(), null), ITEMS);
        assertEquals(2, pkg.phases().size());
        assertTrue(pkg.phases().get(0).parallel());
        assertEquals(List.of("item-a", "item-b"), pkg.phases().get(0).steps().stream().map(s -> s.item().id()).toList());
        assertFalse(pkg.phases().get(1).parallel());
        assertEquals(20, pkg.legalDays(), "max(20, 20) + unknown");
        assertFalse(pkg.legalComplete(), "supervision has no statutory limit");
        assertEquals(7 + 3, pkg.promisedDays(), "max(5, 7) + 3");
        assertTrue(pkg.promisedComplete());
        assertEquals(List.of("不收费", "审批不收费"), pkg.fees().stream().map(f -> f.text()).toList());
        assertEquals(2, pkg.fees().get(0).items().size());
        assertEquals(1, pkg.online().size(), "one online entry, not one per item");
    }

    @Test
    void serialStepsAddUp() {
        ScenarioPackage pkg = PackageComposer.compose(scenario(
                List.of(step("item-a"), step("item-b", "item-a")), List.of(), null), ITEMS);
        assertEquals(40, pkg.legalDays());
        assertTrue(pkg.legalComplete());
        assertEquals(12, pkg.promisedDays());
    }

    @Test
    void scenarioRuleAcceptsAMaterialLaterUnderCommitment() {
        ScenarioPackage pkg = PackageComposer.compose(scenario(List.of(step("item-a"), step("item-b")),
                List.of(new MaterialRule("勘察报告", true, "信用承诺容缺受理")), null), ITEMS);
        MergedMaterial survey = pkg.materials().stream().filter(x -> x.name().equals("勘察报告")).findFirst().orElseThrow();
        assertTrue(survey.later());
        assertTrue(survey.notes().contains("信用承诺容缺受理"));
    }

    @Test
    void missingItemIsLeftOutOfThePackage() {
        ScenarioPackage pkg = PackageComposer.compose(scenario(
                List.of(step("item-a"), step("item-gone", "item-a"), step("item-c", "item-gone")), List.of(), null), ITEMS);
        assertEquals(List.of("item-a", "item-c"), pkg.items().stream().map(r -> r.id()).toList());
        assertEquals(1, pkg.phases().size(), "the predecessor that is gone no longer holds item-c back");
    }

    @SuppressWarnings("unchecked")
    @Test
    void mergedFormAsksEachFieldOnceAndRequiresOnlyUnconditionalOnes() {
        FormCatalogue form = new FormCatalogue(Map.of(
                "projectName", new FormField("projectName", "项目名称", "string", null, null, List.of()),
                "area", new FormField("area", "应建面积", "number", null, null, List.of()),
                "reason", new FormField("reason", "理由", "string", null, null, List.of("地质", "管线"))),
                Map.of("item-a", List.of("projectName", "area"), "item-b", List.of("projectName", "area", "reason")));
        Scenario scenario = scenario(List.of(step("item-a"),
                new ScenarioStep("item-b", "item-b", List.of(), "易地建设", null)), List.of(), form);
        Map<String, Object> schema = MergedForm.schema(PackageComposer.compose(scenario, ITEMS));
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertEquals(List.of("projectName", "area", "reason"), List.copyOf(properties.keySet()));
        assertEquals(List.of("projectName", "area"), schema.get("required"));
        assertEquals(List.of("item-a", "item-b"), ((Map<String, Object>) properties.get("area")).get("x-items"));
        assertEquals(List.of("地质", "管线"), ((Map<String, Object>) properties.get("reason")).get("enum"));
        assertEquals("object", schema.get("type"));
        assertEquals(MergedForm.DIALECT, schema.get("$schema"));
    }
}
