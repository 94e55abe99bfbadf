package cn.liaison.backend.project;

import cn.liaison.backend.policy.EffectKind;

/** How each effect shows in a project's obligation: applying it, and checking that it shows. */
final class PolicyEffects {

    private PolicyEffects() {
    }

    /** Writes the effect into the obligation (done once, when the match is new). */
    static Obligation apply(EffectKind effect, Obligation o) {
        return switch (effect) {
            case OBLIGATION_EXEMPT -> o.withMode(ObligationMode.EXEMPT).withFeeAssessed(o.feeAssessed() == null ? null : 0.0);
            case OFFSITE_FEE_ZERO -> (o.mode() == ObligationMode.UNDETERMINED ? o.withMode(ObligationMode.OFF_SITE) : o)
                    .withFeeAssessed(0.0);
            case FEE_STANDARD_LOWERED -> o.withFeeStandard(FeeStandard.LOWERED);
            case LICENCE_AND_FEE_MERGED -> o.withMergedHandling(true);
        };
    }

    /** Whether the obligation as it stands shows the effect; false means 应享未享. */
    static boolean shows(EffectKind effect, Obligation o) {
        return switch (effect) {
            case OBLIGATION_EXEMPT -> o.mode() == ObligationMode.EXEMPT && !o.feePaidAny();
            case OFFSITE_FEE_ZERO -> o.mode() == ObligationMode.EXEMPT || o.mode() == ObligationMode.OFF_SITE
                    && (o.feeAssessed() == null || o.feeAssessed() == 0) && !o.feePaidAny();
            case FEE_STANDARD_LOWERED -> o.feeStandard() == FeeStandard.LOWERED;
            case LICENCE_AND_FEE_MERGED -> o.mergedHandling();
        };
    }
}
