package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the policies a project qualifies for (政策找企业). Rules of the deployment's region apply;
 * matching rules of other regions are returned separately as references, never applied.
 */
@Published
public final class PolicyEngine {

    private final List<PolicyRule> rules;
    private final String region;

    public PolicyEngine(List<PolicyRule> rules, String region) {
        this.rules = List.copyOf(rules);
        this.region = Objects.requireNonNull(region, "region");
    }

    public String region() {
        return region;
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** The rules effective on {@code day} whose conditions all hold for the facts. */
    public Evaluation evaluate(Facts facts, LocalDate day) {
        List<Match> applicable = new ArrayList<>();
        List<Match> references = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (!rule.effectiveOn(day) || !rule.holdsFor(facts)) {
                continue;
            }
            Match match = new Match(rule, rule.explain(facts));
            (rule.region().equals(region) ? applicable : references).add(match);
        }
        return new Evaluation(applicable, references);
    }

    /** One rule that holds, with why. */
    public record Match(PolicyRule rule, String explanation) {
    }

    /** @param references matches of other regions' rules: shown for information only */
    public record Evaluation(List<Match> applicable, List<Match> references) {

        public Evaluation {
            applicable = List.copyOf(applicable);
            references = List.copyOf(references);
        }
    }
}
