package cn.liaison.backend.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.policy.PolicyEngine;
import cn.liaison.backend.policy.PolicyRule;
import cn.liaison.backend.policy.PolicyRules;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bundled rule just inside and just outside its thresholds, regions, dates, 应享未享 and lapsing. */
class PolicyReconcilerTest {

    private static final List<PolicyRule> RULES = PolicyRules.loadBundled(ProjectFacts.SCHEMA);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private final PolicyReconciler nanjing = new PolicyReconciler(new PolicyEngine(RULES, "南京"));
    private final PolicyReconciler henan = new PolicyReconciler(new PolicyEngine(RULES, "河南"));

    private static Project project(LandUse landUse, Double total, boolean permit, Obligation obligation) {
        return new Project("p-1", "测试项目", "e-1", "district-pukou", null, landUse, total, null, null, null, null, null,
                permit, obligation, null, null);
    }

    private static List<String> ids(PolicyReconciler.Outcome outcome) {
        return outcome.matches().stream().filter(PolicyMatch::active).map(PolicyMatch::policyId).sorted().toList();
    }

    @Test
    void henanLogisticsRuleHoldsBelow2000SquareMetresOnlyAndOnlyInHenan() {
        Project inside = project(LandUse.LOGISTICS_WAREHOUSING, 1999.99, false, Obligation.NONE);
        Project edge = project(LandUse.LOGISTICS_WAREHOUSING, 2000.0, false, Obligation.NONE);
        Project otherUse = project(LandUse.INDUSTRIAL, 1500.0, false, Obligation.NONE);
        PolicyReconciler.Outcome applied = henan.reconcile(inside, List.of(), DAY);
        assertEquals(List.of("henan-logistics-zero-fee"), ids(applied));
        assertEquals(0.0, applied.project().obligation().feeAssessed());
        assertEquals(ObligationMode.OFF_SITE, applied.project().obligation().mode());
        assertTrue(applied.matches().get(0).explanation().contains("总建筑面积（平方米） 1999.99 < 2000"),
                applied.matches().get(0).explanation());
        assertEquals(List.of(), ids(henan.reconcile(edge, List.of(), DAY)), "2000 m² is not under 2000");
        assertEquals(List.of(), ids(henan.reconcile(otherUse, List.of(), DAY)));

        PolicyReconciler.Outcome inNanjing = nanjing.reconcile(inside, List.of(), DAY);
        assertEquals(List.of(), ids(inNanjing), "another province's rule never applies in 南京");
        assertEquals("henan-logistics-zero-fee", inNanjing.references().get(0).rule().id());
        assertEquals(Obligation.NONE, inNanjing.project().obligation());
    }

    @Test
    void ruralIntegrationLandIsExemptOtherLandIsNot() {
        PolicyReconciler.Outcome rural = nanjing.reconcile(project(LandUse.RURAL_INDUSTRY_INTEGRATION, 8000.0, false,
                Obligation.NONE), List.of(), DAY);
        assertEquals(List.of("nanjing-rural-integration-exempt"), ids(rural));
        assertEquals(ObligationMode.EXEMPT, rural.project().obligation().mode());
        assertEquals(1, rural.newlyMatched().size());
        assertTrue(rural.newlyDue().isEmpty());
        assertEquals(List.of(), ids(nanjing.reconcile(project(LandUse.INDUSTRIAL, 8000.0, false, Obligation.NONE), List.of(), DAY)));
    }

    @Test
    void rulesApplyFromTheirEffectiveDate() {
        Project rural = project(LandUse.RURAL_INDUSTRY_INTEGRATION, 8000.0, false, Obligation.NONE);
        assertEquals(List.of(), ids(nanjing.reconcile(rural, List.of(), LocalDate.of(2025, 12, 31))));
        assertEquals(1, ids(nanjing.reconcile(rural, List.of(), LocalDate.of(2026, 1, 1))).size());
    }

    @Test
    void creditCommitmentNeedsBothThePermitAndAnOffSiteCase() {
        Obligation offSite = Obligation.NONE.withMode(ObligationMode.OFF_SITE);
        assertEquals(List.of("nanjing-credit-commitment", "nanjing-offsite-fee-lowered"),
                ids(nanjing.reconcile(project(LandUse.RESIDENTIAL, 30000.0, true, offSite), List.of(), DAY)));
        assertEquals(List.of("nanjing-offsite-fee-lowered"),
                ids(nanjing.reconcile(project(LandUse.RESIDENTIAL, 30000.0, false, offSite), List.of(), DAY)), "no permit");
        assertEquals(List.of(), ids(nanjing.reconcile(project(LandUse.RESIDENTIAL, 30000.0, true,
                Obligation.NONE.withMode(ObligationMode.ON_SITE)), List.of(), DAY)), "built on site");
    }

    @Test
    void aMatchWhoseEffectIsUndoneIsFlaggedOnceAndAMatchThatNoLongerHoldsLapses() {
        Project offSite = project(LandUse.RESIDENTIAL, 30000.0, false, Obligation.NONE.withMode(ObligationMode.OFF_SITE));
        PolicyReconciler.Outcome first = nanjing.reconcile(offSite, List.of(), DAY);
        assertEquals(FeeStandard.LOWERED, first.project().obligation().feeStandard());
        Project undone = first.project().withObligation(first.project().obligation().withFeeStandard(FeeStandard.STANDARD));
        PolicyReconciler.Outcome second = nanjing.reconcile(undone, first.matches(), DAY.plusDays(1));
        assertEquals(1, second.newlyDue().size(), "应享未享");
        assertTrue(second.newlyMatched().isEmpty(), "not applied again: it is the same match");
        assertFalse(second.matches().get(0).applied());
        PolicyReconciler.Outcome third = nanjing.reconcile(undone, second.matches(), DAY.plusDays(2));
        assertTrue(third.newlyDue().isEmpty(), "told once");

        Project onSite = undone.withObligation(undone.obligation().withMode(ObligationMode.ON_SITE));
        PolicyMatch lapsed = nanjing.reconcile(onSite, third.matches(), DAY.plusDays(3)).matches().get(0);
        assertFalse(lapsed.active());
        assertEquals(DAY.plusDays(3), lapsed.lapsedAt());
        assertEquals(DAY, lapsed.matchedAt());
    }

    @Test
    void exemptionWithAFeeAlreadyPaidIsDueNotApplied() {
        Obligation paid = new Obligation(300.0, ObligationMode.OFF_SITE, 360000.0, 360000.0, FeeStandard.STANDARD, false);
        PolicyReconciler.Outcome outcome = nanjing.reconcile(project(LandUse.RURAL_INDUSTRY_INTEGRATION, 9000.0, false, paid),
                List.of(), DAY);
        assertEquals(List.of("nanjing-rural-integration-exempt"), ids(outcome));
        assertEquals(1, outcome.newlyDue().size(), "a refund is due");
        assertEquals(0.0, outcome.project().obligation().feeAssessed());
    }
}
