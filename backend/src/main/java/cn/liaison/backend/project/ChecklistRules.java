package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.policy.EffectKind;
import java.util.List;
import java.util.Optional;

/**
 * Which 人防 service items and scenarios apply to a project, in order across the four stages, decided
 * by how it meets its obligation (结建 / 易地 / 免建, or not yet decided), its land use and its
 * construction planning permit, and the policies recorded on it (免申即享).
 */
final class ChecklistRules {

    /** When an item applies: on site, off site, or both (a project that builds or pays). */
    enum Applies { ON_SITE, OFF_SITE, BUILDS_OR_PAYS }

    /** One item of the life-cycle checklist. */
    record Row(String itemId, String fallbackTitle, ApprovalStage stage, Applies applies) {
    }

    /** One scenario (一件事) and the stage it belongs to. */
    record ScenarioRow(String scenarioId, ApprovalStage stage) {
    }

    /** Whether a row applies, and if not why; {@code note} explains an undecided case. */
    record Verdict(boolean applies, String reason, String note) {
        static Verdict yes() {
            return new Verdict(true, null, null);
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason, null);
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("item-basement-permit", "防空地下室报建审批", ApprovalStage.ENGINEERING_PERMIT, Applies.ON_SITE),
            new Row("item-offsite-approval", "防空地下室易地建设审批", ApprovalStage.ENGINEERING_PERMIT, Applies.OFF_SITE),
            new Row("item-offsite-fee-collection", "防空地下室易地建设费征收", ApprovalStage.ENGINEERING_PERMIT, Applies.OFF_SITE),
            new Row("item-construction-drawing", "人防施工图审查", ApprovalStage.CONSTRUCTION_PERMIT, Applies.ON_SITE),
            new Row("item-quality-supervision", "人防工程质量监督（报监）", ApprovalStage.CONSTRUCTION_PERMIT, Applies.ON_SITE),
            new Row("item-protective-equipment", "人防防护设备", ApprovalStage.CONSTRUCTION_PERMIT, Applies.ON_SITE),
            new Row("item-joint-acceptance", "竣工联合验收（人防部分）", ApprovalStage.COMPLETION_ACCEPTANCE, Applies.BUILDS_OR_PAYS),
            new Row("item-completion-filing", "人防工程竣工验收备案", ApprovalStage.COMPLETION_ACCEPTANCE, Applies.ON_SITE));

    static final List<ScenarioRow> SCENARIOS = List.of(
            new ScenarioRow("offsite-merged", ApprovalStage.ENGINEERING_PERMIT),
            new ScenarioRow("start-construction", ApprovalStage.CONSTRUCTION_PERMIT),
            new ScenarioRow("completion-acceptance", ApprovalStage.COMPLETION_ACCEPTANCE),
            new ScenarioRow("handover-certificate", ApprovalStage.COMPLETION_ACCEPTANCE));

    /** What the planning stage holds for 人防, which has no approval item of its own. */
    static final String PLANNING_NOTE = "本阶段没有人防审批事项；拿地后可请联系人预先核定配建义务（结建、易地建设或免于配建）和应建面积。";

    private ChecklistRules() {
    }

    static Optional<Row> row(String itemId) {
        return ROWS.stream().filter(r -> r.itemId().equals(itemId)).findFirst();
    }

    static Verdict item(Row row, Project p, List<PolicyMatch> matches) {
        ObligationMode mode = p.obligation().mode();
        if (mode == ObligationMode.EXEMPT) {
            return Verdict.no(exemptReason(matches));
        }
        if (row.itemId().equals("item-offsite-fee-collection") && mode != ObligationMode.ON_SITE) {
            Optional<PolicyMatch> zero = active(matches, EffectKind.OFFSITE_FEE_ZERO);
            if (zero.isPresent()) {
                return Verdict.no("易地建设费按零收取：" + zero.get().title() + "（免申即享，无需缴费）");
            }
        }
        if (mode == ObligationMode.UNDETERMINED) {
            return new Verdict(true, null, switch (row.applies()) {
                case ON_SITE -> "配建方式待核定：结建（就地修建）的项目需要办理";
                case OFF_SITE -> "配建方式待核定：易地建设的项目需要办理";
                case BUILDS_OR_PAYS -> null;
            });
        }
        return switch (row.applies()) {
            case ON_SITE -> mode == ObligationMode.ON_SITE ? Verdict.yes()
                    : Verdict.no("本项目易地建设（缴纳易地建设费），不在本项目修建防空地下室");
            case OFF_SITE -> mode == ObligationMode.OFF_SITE ? Verdict.yes()
                    : Verdict.no("本项目结建（就地修建防空地下室），不涉及易地建设");
            case BUILDS_OR_PAYS -> Verdict.yes();
        };
    }

    static Verdict scenario(String scenarioId, Project p, List<PolicyMatch> matches) {
        ObligationMode mode = p.obligation().mode();
        if (mode == ObligationMode.EXEMPT) {
            return Verdict.no(exemptReason(matches));
        }
        return switch (scenarioId) {
            case "offsite-merged" -> mode == ObligationMode.ON_SITE
                    ? Verdict.no("本项目结建（就地修建防空地下室），不涉及易地建设")
                    : !p.hasConstructionPlanningPermit()
                            ? Verdict.no("尚未取得建设工程规划许可：取得后可合并办理，此前按一般程序分别办理")
                            : mode == ObligationMode.UNDETERMINED
                                    ? new Verdict(true, null, "配建方式核定为易地建设后适用") : Verdict.yes();
            case "completion-acceptance" -> mode == ObligationMode.OFF_SITE
                    ? Verdict.no("本项目易地建设，没有防空地下室需要验收备案；人防部分在联合验收中核验易地建设费缴清")
                    : Verdict.yes();
            case "handover-certificate" -> p.landUse() == LandUse.RESIDENTIAL ? Verdict.yes()
                    : Verdict.no("仅适用于预售商品房（住宅）项目");
            default -> Verdict.yes();
        };
    }

    private static String exemptReason(List<PolicyMatch> matches) {
        return active(matches, EffectKind.OBLIGATION_EXEMPT)
                .map(m -> "免于配建防空地下室：" + m.title() + "（免申即享）")
                .orElse("人防义务核定为免于配建防空地下室");
    }

    private static Optional<PolicyMatch> active(List<PolicyMatch> matches, EffectKind effect) {
        return matches.stream().filter(m -> m.active() && m.effect() == effect).findFirst();
    }
}
