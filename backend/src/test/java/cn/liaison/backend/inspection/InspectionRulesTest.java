package cn.liaison.backend.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.inspection.InspectionRules.Decision;
import cn.liaison.backend.inspection.InspectionRules.Existing;
import cn.liaison.backend.inspection.InspectionRules.Limits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 无事不扰 and 综合查一次 as rules, case by case (the HTTP journey is InspectionsIT). */
class InspectionRulesTest {

    private static final Limits LIMITS = new Limits(2, Map.of(InspectionKind.RANDOM, 1));
    private static final LocalDate NOV = LocalDate.of(2026, 11, 25);

    private static Existing e(String visit, String unit, InspectionKind kind, String on, String state) {
        return new Existing("i-" + visit + unit, visit, unit, kind, LocalDate.parse(on), state);
    }

    @Test
    void anotherUnitsOpenVisitInTheSameMonthIsJoined() {
        Decision d = InspectionRules.plan(List.of(e("v1", "pukou", InspectionKind.RANDOM, "2026-11-10", Inspections.PLANNED)),
                "city", InspectionKind.SPECIAL, NOV, LIMITS);
        assertTrue(d.merged());
        assertEquals("v1", d.joinVisitId());
        assertEquals(LocalDate.of(2026, 11, 10), d.visitDate());
        assertEquals(Set.of("pukou"), d.joinedUnits());
        assertNull(d.overCap());
    }

    @Test
    void noJoiningOwnVisitsOtherMonthsRegisteredOnesOrRemoteOnes() {
        assertFalse(InspectionRules.plan(List.of(e("v1", "pukou", InspectionKind.SPECIAL, "2026-11-10", Inspections.PLANNED)),
                "pukou", InspectionKind.SPECIAL, NOV, LIMITS).merged());
        assertFalse(InspectionRules.plan(List.of(e("v1", "city", InspectionKind.SPECIAL, "2026-10-30", Inspections.PLANNED)),
                "pukou", InspectionKind.SPECIAL, NOV, LIMITS).merged());
        assertFalse(InspectionRules.plan(List.of(e("v1", "city", InspectionKind.SPECIAL, "2026-11-03", Inspections.RECORDED)),
                "pukou", InspectionKind.SPECIAL, NOV, LIMITS).merged());
        assertFalse(InspectionRules.plan(List.of(e("v1", "city", InspectionKind.REMOTE, "2026-11-03", Inspections.PLANNED)),
                "pukou", InspectionKind.SPECIAL, NOV, LIMITS).merged());
        assertFalse(InspectionRules.plan(List.of(e("v1", "city", InspectionKind.SPECIAL, "2026-11-03", Inspections.REFUSED)),
                "pukou", InspectionKind.SPECIAL, NOV, LIMITS).merged());
    }

    @Test
    void capsCountVisitsOfCountedKindsOnly() {
        List<Existing> year = List.of(
                e("v1", "pukou", InspectionKind.SPECIAL, "2026-03-02", Inspections.RECORDED),
                e("v1", "city", InspectionKind.SPECIAL, "2026-03-02", Inspections.RECORDED),
                e("v2", "pukou", InspectionKind.INVITED, "2026-05-02", Inspections.RECORDED),
                e("v3", "pukou", InspectionKind.REMOTE, "2026-06-02", Inspections.RECORDED),
                e("v4", "pukou", InspectionKind.RANDOM, "2026-07-02", Inspections.REFUSED));
        // One counted visit so far (v1, two units): a second is within the yearly cap of 2.
        assertNull(InspectionRules.plan(year, "pukou", InspectionKind.SPECIAL, NOV, LIMITS).overCap());
        List<Existing> two = new java.util.ArrayList<>(year);
        two.add(e("v5", "pukou", InspectionKind.COMPLAINT, "2026-09-02", Inspections.RECORDED));
        assertTrue(InspectionRules.plan(two, "pukou", InspectionKind.SPECIAL, NOV, LIMITS).overCap().contains("年度上限 2 次"));
        // Kinds that do not count are never beyond a cap.
        assertNull(InspectionRules.plan(two, "pukou", InspectionKind.INVITED, NOV, LIMITS).overCap());
        assertNull(InspectionRules.plan(two, "pukou", InspectionKind.REMOTE, NOV, LIMITS).overCap());
    }

    @Test
    void aKindsCapAppliesWithinTheYearlyOne() {
        List<Existing> one = List.of(e("v1", "pukou", InspectionKind.RANDOM, "2026-03-02", Inspections.RECORDED));
        String over = InspectionRules.plan(one, "pukou", InspectionKind.RANDOM, NOV, LIMITS).overCap();
        assertTrue(over.contains("双随机抽查") && over.contains("上限 1 次"), over);
        assertNull(InspectionRules.plan(one, "pukou", InspectionKind.COMPLAINT, NOV, LIMITS).overCap());
    }
}
