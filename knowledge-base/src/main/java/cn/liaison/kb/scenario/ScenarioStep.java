package cn.liaison.kb.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One service item inside a scenario.
 *
 * @param id     the step's name inside the scenario, referenced by other steps' {@code after}
 * @param itemId the service item (a {@code kind: item} entry id)
 * @param after  steps that must finish first; steps whose predecessors are done run in parallel
 * @param when   the condition under which the step applies (e.g. 易地建设), or null when always
 * @param note   what is special about the item inside this scenario, or null
 */
public record ScenarioStep(String id, String itemId, List<String> after, String when, String note) {
    public ScenarioStep {
        Objects.requireNonNull(id, "step id");
        Objects.requireNonNull(itemId, "step item");
        after = List.copyOf(after);
    }
}
