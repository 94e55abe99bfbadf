package cn.liaison.backend.project;

import java.util.Objects;

/**
 * 人防义务: what the project owes in civil air defence.
 *
 * @param requiredArea   应建防空地下室面积 in m²; null until assessed
 * @param mode           built on site, off site (fee), exempt, or not yet decided
 * @param feeAssessed    易地建设费 assessed, in 元; null until assessed
 * @param feePaid        paid so far, in 元; null when nothing was paid
 * @param feeStandard    the rate the fee is charged at
 * @param mergedHandling 人防许可与易地建设费征收合并办理 (with 信用承诺容缺受理)
 */
public record Obligation(Double requiredArea, ObligationMode mode, Double feeAssessed, Double feePaid,
                         FeeStandard feeStandard, boolean mergedHandling) {

    public static final Obligation NONE = new Obligation(null, ObligationMode.UNDETERMINED, null, null, FeeStandard.STANDARD, false);

    public Obligation {
        Objects.requireNonNull(mode, "obligation.mode");
        Objects.requireNonNull(feeStandard, "obligation.feeStandard");
        nonNegative(requiredArea, "obligation.requiredArea");
        nonNegative(feeAssessed, "obligation.feeAssessed");
        nonNegative(feePaid, "obligation.feePaid");
    }

    private static void nonNegative(Double value, String field) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new ProjectRuleViolation(field, "不能为负数");
        }
    }

    public Obligation withMode(ObligationMode newMode) {
        return new Obligation(requiredArea, newMode, feeAssessed, feePaid, feeStandard, mergedHandling);
    }

    public Obligation withFeeAssessed(Double fee) {
        return new Obligation(requiredArea, mode, fee, feePaid, feeStandard, mergedHandling);
    }

    public Obligation withFeeStandard(FeeStandard standard) {
        return new Obligation(requiredArea, mode, feeAssessed, feePaid, standard, mergedHandling);
    }

    public Obligation withMergedHandling(boolean merged) {
        return new Obligation(requiredArea, mode, feeAssessed, feePaid, feeStandard, merged);
    }

    public boolean feePaidAny() {
        return feePaid != null && feePaid > 0;
    }
}
