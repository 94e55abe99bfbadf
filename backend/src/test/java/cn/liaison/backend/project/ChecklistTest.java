package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.policy.EffectKind;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Content;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checklist for projects that are exempt, off site and built on site, across the four stages. */
class ChecklistTest {
    private static final Content KB = KnowledgeBase.loadBundled();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.fromResources(OfficeHours.DEFAULT);
    private static final JsonObject ASK = new JsonObject().put("userId", "user-pukou-liaison-1").put("name", "李娜");

    private static Project project(LandUse landUse, ObligationMode mode, ApprovalStage stage, boolean permit) {
        return new Project("p1", "测试项目", "enterprise-demo-1", "district-pukou", null, landUse, 20000.0, 15000.0, 12, 5.0,
                ProjectKind.GENERAL, stage, permit, Obligation.NONE.withMode(mode), "user-pukou-liaison-1", null);
    }

    private static JsonObject build(Project p, List<PolicyMatch> matches, Map<String, ChecklistRecord> records, String today) {
        return new Checklist(p, matches, records, KB, CALENDAR, LocalDate.parse(today), ASK).toJson();
    }

    private static Map<String, JsonObject> items(JsonObject checklist) {
        return checklist.getJsonArray("stages").stream().map(JsonObject.class::cast)
                .flatMap(s -> s.getJsonArray("items").stream().map(JsonObject.class::cast))
                .collect(Collectors.toMap(i -> i.getString("itemId"), i -> i));
    }

    private static Map<String, JsonObject> scenarios(JsonObject checklist) {
        return checklist.getJsonArray("stages").stream().map(JsonObject.class::cast)
                .flatMap(s -> s.getJsonArray("scenarios").stream().map(JsonObject.class::cast))
                .collect(Collectors.toMap(i -> i.getString("scenarioId"), i -> i));
    }

    private static ChecklistRecord record(String item, ApprovalStage stage, String started, String done) {
        return new ChecklistRecord(item, stage, started == null ? null : LocalDate.parse(started),
                done == null ? null : LocalDate.parse(done), done == null ? null : "宁人防许字〔2026〕1号", "u", "李娜", null);
    }

    @Test
    void allFourStagesAreListedInOrderWithTheLiaisonToAsk() {
        JsonObject c = build(project(LandUse.RESIDENTIAL, ObligationMode.ON_SITE, ApprovalStage.PLANNING_PERMIT, false),
                List.of(), Map.of(), "2026-03-02");
        JsonArray stages = c.getJsonArray("stages");
        assertEquals(List.of("PLANNING_PERMIT", "ENGINEERING_PERMIT", "CONSTRUCTION_PERMIT", "COMPLETION_ACCEPTANCE"),
                stages.stream().map(JsonObject.class::cast).map(s -> s.getString("stage")).toList());
        assertTrue(stages.getJsonObject(0).getBoolean("current"));
        assertTrue(stages.getJsonObject(0).getString("note").contains("核定配建义务"));
        assertEquals("李娜", items(c).get("item-basement-permit").getJsonObject("ask").getString("name"));
        assertEquals("item-basement-permit", c.getJsonObject("next").getString("itemId"), "the first open item from now on");
    }

    @Test
    void onSiteProjectNeedsTheBuildingItemsAndNotTheOffSiteOnes() {
        Project p = project(LandUse.RESIDENTIAL, ObligationMode.ON_SITE, ApprovalStage.CONSTRUCTION_PERMIT, true);
        Map<String, ChecklistRecord> records = new HashMap<>();
        records.put("item-basement-permit", record("item-basement-permit", ApprovalStage.ENGINEERING_PERMIT, "2026-08-03", "2026-08-20"));
        records.put("item-quality-supervision", record("item-quality-supervision", ApprovalStage.CONSTRUCTION_PERMIT, "2026-09-24", null));
        JsonObject c = build(p, List.of(), records, "2026-10-09");
        Map<String, JsonObject> items = items(c);
        assertEquals("DONE", items.get("item-basement-permit").getString("state"));
        assertEquals("宁人防许字〔2026〕1号", items.get("item-basement-permit").getString("reference"));
        assertEquals("NOT_APPLICABLE", items.get("item-offsite-approval").getString("state"));
        assertTrue(items.get("item-offsite-approval").getString("reason").contains("结建"));
        assertEquals("NOT_APPLICABLE", items.get("item-offsite-fee-collection").getString("state"));
        assertEquals("IN_PROGRESS", items.get("item-quality-supervision").getString("state"));
        assertNull(items.get("item-quality-supervision").getString("deadline"), "no published time limit: no deadline");
        assertEquals("NOT_STARTED", items.get("item-construction-drawing").getString("state"));
        assertEquals("NOT_STARTED", items.get("item-completion-filing").getString("state"));
        Map<String, JsonObject> scenarios = scenarios(c);
        assertEquals("NOT_APPLICABLE", scenarios.get("offsite-merged").getString("state"));
        assertEquals("IN_PROGRESS", scenarios.get("start-construction").getString("state"));
        assertEquals(List.of("item-basement-permit", "item-quality-supervision"),
                scenarios.get("start-construction").getJsonArray("items").getList());
        assertEquals("NOT_STARTED", scenarios.get("handover-certificate").getString("state"), "residential: 交房即交证");
        assertEquals("item-construction-drawing", c.getJsonObject("next").getString("itemId"));
    }

    @Test
    void deadlineRunsOnTheWorkingDayCalendarAcrossTheNationalDayHolidays() {
        Project p = project(LandUse.COMMERCIAL, ObligationMode.ON_SITE, ApprovalStage.ENGINEERING_PERMIT, false);
        // 20 working days from Thursday 2026-09-24: skips 25–27 Sep and 1–7 Oct, counts the make-up Saturday 10 Oct
        JsonObject item = items(build(p, List.of(), Map.of("item-basement-permit",
                record("item-basement-permit", ApprovalStage.ENGINEERING_PERMIT, "2026-09-24", null)), "2026-10-29"))
                .get("item-basement-permit");
        assertEquals("2026-10-29", item.getString("deadline"));
        assertTrue(item.getString("deadlineBasis").startsWith("法定时限 20"));
        assertFalse(item.getBoolean("overdue"));
        JsonObject late = items(build(p, List.of(), Map.of("item-basement-permit",
                record("item-basement-permit", ApprovalStage.ENGINEERING_PERMIT, "2026-09-24", null)), "2026-10-30"))
                .get("item-basement-permit");
        assertTrue(late.getBoolean("overdue"));
    }

    @Test
    void completionFilingIsDueFifteenDaysAfterAcceptance() {
        Project p = project(LandUse.COMMERCIAL, ObligationMode.ON_SITE, ApprovalStage.COMPLETION_ACCEPTANCE, true);
        JsonObject c = build(p, List.of(), Map.of("item-joint-acceptance",
                record("item-joint-acceptance", ApprovalStage.COMPLETION_ACCEPTANCE, "2026-11-02", "2026-11-03")), "2026-11-10");
        JsonObject filing = items(c).get("item-completion-filing");
        assertEquals("NOT_STARTED", filing.getString("state"));
        assertEquals("2026-11-18", filing.getString("deadline"));
        assertEquals("item-completion-filing", c.getJsonObject("next").getString("itemId"),
                "the next open item of the current stage, although earlier ones were never recorded");
        assertEquals("2026-11-18", c.getJsonObject("next").getString("deadline"));
        assertEquals("IN_PROGRESS", scenarios(c).get("completion-acceptance").getString("state"));
        assertEquals("NOT_APPLICABLE", scenarios(c).get("handover-certificate").getString("state"), "not housing");
    }

    @Test
    void offSiteProjectPaysInsteadOfBuildingAndMergesWithAPermit() {
        Project p = project(LandUse.OFFICE, ObligationMode.OFF_SITE, ApprovalStage.ENGINEERING_PERMIT, true);
        JsonObject c = build(p, List.of(), Map.of(), "2026-05-11");
        Map<String, JsonObject> items = items(c);
        assertEquals("NOT_STARTED", items.get("item-offsite-approval").getString("state"));
        assertEquals("NOT_STARTED", items.get("item-offsite-fee-collection").getString("state"));
        for (String onSite : List.of("item-basement-permit", "item-construction-drawing", "item-quality-supervision",
                "item-protective-equipment", "item-completion-filing")) {
            assertEquals("NOT_APPLICABLE", items.get(onSite).getString("state"), onSite);
            assertTrue(items.get(onSite).getString("reason").contains("易地建设"), onSite);
        }
        assertEquals("NOT_STARTED", items.get("item-joint-acceptance").getString("state"), "the 人防 part still checks the fee");
        assertEquals("NOT_STARTED", scenarios(c).get("offsite-merged").getString("state"));
        assertEquals("NOT_APPLICABLE", scenarios(c).get("completion-acceptance").getString("state"));
        JsonObject noPermit = scenarios(build(project(LandUse.OFFICE, ObligationMode.OFF_SITE, ApprovalStage.ENGINEERING_PERMIT,
                false), List.of(), Map.of(), "2026-05-11")).get("offsite-merged");
        assertEquals("NOT_APPLICABLE", noPermit.getString("state"));
        assertTrue(noPermit.getString("reason").contains("工程规划许可"));
    }

    @Test
    void zeroFeePolicyMakesTheFeeItemNotApplicable() {
        PolicyMatch zero = match("henan-logistics-zero-fee", "物流仓储项目易地建设费为零", EffectKind.OFFSITE_FEE_ZERO);
        JsonObject fee = items(build(project(LandUse.LOGISTICS_WAREHOUSING, ObligationMode.OFF_SITE,
                ApprovalStage.ENGINEERING_PERMIT, true), List.of(zero), Map.of(), "2026-05-11")).get("item-offsite-fee-collection");
        assertEquals("NOT_APPLICABLE", fee.getString("state"));
        assertTrue(fee.getString("reason").contains("物流仓储项目易地建设费为零"));
    }

    @Test
    void exemptProjectHasNothingToDoAndSaysWhichPolicyExemptsIt() {
        PolicyMatch exempt = match("nanjing-rural-integration-exempt", "农村一二三产业融合发展用地免除人防配建义务",
                EffectKind.OBLIGATION_EXEMPT);
        for (ApprovalStage stage : ApprovalStage.values()) {
            JsonObject c = build(project(LandUse.RURAL_INDUSTRY_INTEGRATION, ObligationMode.EXEMPT, stage, true),
                    List.of(exempt), Map.of(), "2026-05-11");
            items(c).values().forEach(item -> {
                assertEquals("NOT_APPLICABLE", item.getString("state"), item.encode());
                assertTrue(item.getString("reason").contains("农村一二三产业融合发展用地免除人防配建义务"), item.encode());
            });
            scenarios(c).values().forEach(s -> assertEquals("NOT_APPLICABLE", s.getString("state"), s.encode()));
            assertNull(c.getValue("next"), stage + ": nothing to do");
            assertEquals(0, c.getJsonObject("summary").getInteger("applicable"));
        }
    }

    @Test
    void undecidedObligationListsBothWaysWithANote() {
        Map<String, JsonObject> items = items(build(project(LandUse.COMMERCIAL, ObligationMode.UNDETERMINED,
                ApprovalStage.PLANNING_PERMIT, false), List.of(), Map.of(), "2026-05-11"));
        assertEquals("NOT_STARTED", items.get("item-basement-permit").getString("state"));
        assertEquals("NOT_STARTED", items.get("item-offsite-approval").getString("state"));
        assertTrue(items.get("item-offsite-approval").getString("note").contains("待核定"));
    }

    private static PolicyMatch match(String id, String title, EffectKind effect) {
        return new PolicyMatch(id, title, "南京", List.of(), List.of(), effect, effect.label(), "符合条件",
                LocalDate.of(2026, 5, 1), true, LocalDate.of(2026, 5, 1), false, true, null);
    }
}
