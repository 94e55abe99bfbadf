package cn.liaison.backend.project;

import cn.liaison.backend.policy.PolicyEngine;
import cn.liaison.backend.policy.PolicyEngine.Match;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs matching for one project and works out what changes: new matches are applied to the
 * obligation at once (免申即享) and reported; matches whose effect does not show in the obligation
 * are flagged 应享未享; matches that no longer hold lapse. Pure: no I/O, so it is unit-tested.
 */
public final class PolicyReconciler {

    /** Applying one effect may make another rule hold (exempt → no fee rules): a few passes settle it. */
    private static final int PASSES = 3;

    private final PolicyEngine engine;

    public PolicyReconciler(PolicyEngine engine) {
        this.engine = engine;
    }

    public PolicyEngine engine() {
        return engine;
    }

    /**
     * @param previous the matches recorded on the project so far
     * @return the project with effects applied, every match, and what is new since {@code previous}
     */
    public Outcome reconcile(Project project, List<PolicyMatch> previous, LocalDate today) {
        Map<String, PolicyMatch> recorded = new LinkedHashMap<>();
        previous.forEach(m -> recorded.put(m.policyId(), m));
        Map<String, Match> holding = new LinkedHashMap<>();
        List<PolicyMatch> created = new ArrayList<>();
        Project current = project;
        for (int pass = 0; pass < PASSES; pass++) {
            holding.clear();
            engine.evaluate(ProjectFacts.of(current), today).applicable().forEach(m -> holding.put(m.rule().id(), m));
            boolean changed = false;
            for (Match m : holding.values()) {
                PolicyMatch before = recorded.get(m.rule().id());
                if (before == null || !before.active()) {
                    Obligation applied = PolicyEffects.apply(m.rule().effect(), current.obligation());
                    changed |= !applied.equals(current.obligation());
                    current = current.withObligation(applied);
                    PolicyMatch fresh = record(m, today, true, today, false);
                    recorded.put(m.rule().id(), fresh);
                    created.add(fresh);
                }
            }
            if (!changed) {
                break;
            }
        }
        List<PolicyMatch> all = new ArrayList<>();
        List<PolicyMatch> flagged = new ArrayList<>();
        for (PolicyMatch m : recorded.values()) {
            Match holds = holding.get(m.policyId());
            if (holds == null) {
                all.add(m.active() ? lapse(m, today) : m);
                continue;
            }
            boolean shows = PolicyEffects.shows(m.effect(), current.obligation());
            PolicyMatch now = record(holds, m.matchedAt(), shows, shows && m.appliedAt() == null ? today : m.appliedAt(), !shows);
            if (!shows && !m.dueNotApplied() || !shows && created.contains(m)) {
                flagged.add(now);
            }
            all.add(now);
        }
        List<PolicyMatch> news = created.stream()
                .map(c -> all.stream().filter(a -> a.policyId().equals(c.policyId())).findFirst().orElse(c))
                .filter(PolicyMatch::active)
                .toList();
        return new Outcome(current, all, news, flagged, engine.evaluate(ProjectFacts.of(current), today).references());
    }

    private static PolicyMatch record(Match m, LocalDate matchedAt, boolean applied, LocalDate appliedAt, boolean due) {
        return new PolicyMatch(m.rule().id(), m.rule().title(), m.rule().region(), m.rule().topics(), m.rule().sources(),
                m.rule().effect(), m.rule().effectText(), m.explanation(), matchedAt, applied,
                applied ? appliedAt : null, due, true, null);
    }

    private static PolicyMatch lapse(PolicyMatch m, LocalDate today) {
        return new PolicyMatch(m.policyId(), m.title(), m.region(), m.topics(), m.sources(), m.effect(), m.effectText(),
                m.explanation(), m.matchedAt(), m.applied(), m.appliedAt(), false, false, today);
    }

    /**
     * @param project        the project with new effects applied to its obligation
     * @param matches        every match, active or lapsed
     * @param newlyMatched   matches recorded now (to tell the enterprise: 无需申请)
     * @param newlyDue       matches that turned 应享未享 now (to tell the liaison and unit heads)
     * @param references     other regions' rules that would hold (information only)
     */
    public record Outcome(Project project, List<PolicyMatch> matches, List<PolicyMatch> newlyMatched,
                          List<PolicyMatch> newlyDue, List<Match> references) {
    }
}
