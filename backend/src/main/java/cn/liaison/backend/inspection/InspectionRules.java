package cn.liaison.backend.inspection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 无事不扰 and 综合查一次 as pure rules. A planned inspection joins a visit that another unit has
 * already planned for the same enterprise in the same calendar month (one visit, one date); only a
 * new visit counts against the caps, and a visit counts once however many units join it. Beyond the
 * yearly cap (all counted kinds) or the kind's cap, the plan waits for a unit head's approval.
 */
final class InspectionRules {

    /** The statuses of inspections that still take place (or took place): they count and can be joined. */
    static final Set<String> LIVE = Set.of(Inspections.AWAITING_APPROVAL, Inspections.PLANNED, Inspections.RECORDED);

    /** One inspection of the enterprise in the year, as the rules see it. */
    record Existing(String id, String visitId, String unitId, InspectionKind kind, LocalDate plannedOn, String status) {
    }

    /** The caps: for the enterprise per year over the counted kinds, and per kind (a kind absent has no own cap). */
    record Limits(int yearlyCap, Map<InspectionKind, Integer> kindCaps) {
        static final Limits DEFAULT = new Limits(2, Map.of(InspectionKind.RANDOM, 1, InspectionKind.SPECIAL, 1,
                InspectionKind.COMPLAINT, 2));
    }

    /**
     * What planning does.
     *
     * @param joinVisitId the visit joined (综合查一次), or null for a new visit
     * @param visitDate   the date of the visit joined, or the date asked for
     * @param joinedUnits the units already in the visit joined
     * @param overCap     which cap a new visit would exceed (Chinese), or null
     */
    record Decision(String joinVisitId, LocalDate visitDate, Set<String> joinedUnits, String overCap) {
        boolean merged() {
            return joinVisitId != null;
        }
    }

    private InspectionRules() {
    }

    static Decision plan(List<Existing> sameYear, String unitId, InspectionKind kind, LocalDate plannedOn, Limits limits) {
        List<Existing> live = sameYear.stream().filter(e -> LIVE.contains(e.status())).toList();
        YearMonth period = YearMonth.from(plannedOn);
        if (kind != InspectionKind.REMOTE) {
            for (Existing e : live) {
                boolean samePeriod = YearMonth.from(e.plannedOn()).equals(period);
                boolean open = !Inspections.RECORDED.equals(e.status());
                if (samePeriod && open && e.kind() != InspectionKind.REMOTE && !unitId.equals(e.unitId())) {
                    Set<String> units = live.stream().filter(x -> e.visitId().equals(x.visitId()))
                            .map(Existing::unitId).collect(Collectors.toCollection(LinkedHashSet::new));
                    return new Decision(e.visitId(), e.plannedOn(), units, null);
                }
            }
        }
        return new Decision(null, plannedOn, Set.of(), kind.counted() ? overCap(live, kind, limits) : null);
    }

    private static String overCap(List<Existing> live, InspectionKind kind, Limits limits) {
        long visits = live.stream().filter(e -> e.kind().counted()).map(Existing::visitId).distinct().count();
        if (visits + 1 > limits.yearlyCap()) {
            return "该企业本年度已有 " + visits + " 次现场检查，年度上限 " + limits.yearlyCap() + " 次";
        }
        Integer cap = limits.kindCaps().get(kind);
        long ofKind = live.stream().filter(e -> e.kind() == kind).map(Existing::visitId).distinct().count();
        if (cap != null && ofKind + 1 > cap) {
            return "该企业本年度已有 " + ofKind + " 次" + kind.label() + "，上限 " + cap + " 次";
        }
        return null;
    }
}
