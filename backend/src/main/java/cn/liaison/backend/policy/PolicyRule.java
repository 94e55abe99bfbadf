package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A policy that applies itself (免申即享): when every condition holds for a project in the rule's
 * region and within its effective dates, the effect is granted without an application.
 *
 * @param region        南京, 江苏, 河南 …: a deployment applies the rules of its own region
 * @param effectiveTo   null when open-ended
 * @param topics        knowledge-base topic ids
 * @param sources       knowledge-base entry ids the rule rests on
 * @param effectText    the grant in the words shown to the enterprise
 */
@Published
public record PolicyRule(String id, String title, String region, LocalDate effectiveFrom, LocalDate effectiveTo,
                         List<String> topics, List<String> sources, List<Condition> conditions,
                         EffectKind effect, String effectText) {

    public PolicyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(effectiveFrom, "effective.from");
        Objects.requireNonNull(effect, "effect.kind");
        Objects.requireNonNull(effectText, "effect.text");
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        conditions = List.copyOf(conditions);
    }

    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public boolean holdsFor(Facts facts) {
        return conditions.stream().allMatch(c -> c.holds(facts));
    }

    /** Which condition held with which value, in one sentence. */
    public String explain(Facts facts) {
        StringBuilder out = new StringBuilder();
        for (Condition c : conditions) {
            out.append(out.length() == 0 ? "" : "；").append(c.explain(facts));
        }
        return out.append("。").toString();
    }
}
