package cn.liaison.backend.project;

import cn.liaison.backend.policy.EffectKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A policy a project qualifies for, as recorded on the project: which policy, why (the conditions
 * with the project's values), since when, and whether the project's obligation shows its effect.
 *
 * @param applied       the obligation reflects the effect (e.g. the fee is zero)
 * @param dueNotApplied 应享未享: the project qualifies but the effect is not (or no longer) reflected
 * @param active        false once the project no longer qualifies (kept for the record)
 */
public record PolicyMatch(String policyId, String title, String region, List<String> topics, List<String> sources,
                          EffectKind effect, String effectText, String explanation, LocalDate matchedAt,
                          boolean applied, LocalDate appliedAt, boolean dueNotApplied, boolean active,
                          LocalDate lapsedAt) {

    public PolicyMatch {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(matchedAt, "matchedAt");
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
    }
}
