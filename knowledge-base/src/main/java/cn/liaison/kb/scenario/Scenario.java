package cn.liaison.kb.scenario;

import cn.liaison.kb.content.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 一件事: what an enterprise wants to get done (start construction, pass acceptance...), bundling the
 * 人防 service items involved, in order. The package (materials, steps, time limits) is composed from
 * the items when asked, so it always follows the published items.
 *
 * @param topics  catalogue topics the scenario is about (the first is the request category)
 * @param form    the form catalogue shared by all scenarios (for the merged form)
 */
public record Scenario(String id, String title, ApprovalStage stage, List<String> questions, List<String> topics,
                       String region, LocalDate effectiveFrom, List<ScenarioStep> steps, List<MaterialRule> materialRules,
                       String notes, List<Source> sources, FormCatalogue form) {
    /** Prefix of the scenario's entry id in the index (scenario {@code start-construction} → {@code scenario-start-construction}). */
    public static final String ENTRY_PREFIX = "scenario-";

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        questions = List.copyOf(questions);
        topics = List.copyOf(topics);
        steps = List.copyOf(steps);
        materialRules = List.copyOf(materialRules);
        sources = List.copyOf(sources);
        form = form == null ? FormCatalogue.NONE : form;
    }

    public String entryId() {
        return ENTRY_PREFIX + id;
    }

    /** The scenario's own topic, added after its catalogue topics. */
    public String scenarioTopic() {
        return "scenario." + id;
    }

    public List<String> itemIds() {
        return steps.stream().map(ScenarioStep::itemId).distinct().toList();
    }

    public Optional<ScenarioStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
