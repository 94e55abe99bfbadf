package cn.liaison.kb.scenario;

import cn.liaison.kb.content.MaterialForm;
import java.util.List;
import java.util.Objects;

/**
 * The package of a scenario (一件事一次办), composed from its service items: one material list with
 * each material once, the steps in phases (a phase's steps run in parallel), total time limits,
 * fees and where to apply online.
 *
 * @param legalDays        total statutory time limit along the phases (working days), counting known limits only
 * @param legalComplete    every step has a known statutory limit (otherwise {@code legalDays} is a lower bound)
 * @param promisedDays     total promised limit along the phases, counting known limits only
 * @param promisedComplete every step has a known promised limit
 */
public record ScenarioPackage(Scenario scenario, List<ItemRef> items, List<MergedMaterial> materials,
                              List<Phase> phases, int legalDays, boolean legalComplete, int promisedDays,
                              boolean promisedComplete, List<Fee> fees, List<OnlineEntry> online) {

    public ScenarioPackage {
        Objects.requireNonNull(scenario, "scenario");
        items = List.copyOf(items);
        materials = List.copyOf(materials);
        phases = List.copyOf(phases);
        fees = List.copyOf(fees);
        online = List.copyOf(online);
    }

    /** A bundled service item. */
    public record ItemRef(String id, String title) {
    }

    /**
     * A material asked for once, naming every item that needs it.
     *
     * @param exempt   免提交: fetched by the office from electronic licences
     * @param later    容缺: may follow later under a written commitment
     */
    public record MergedMaterial(String name, MaterialForm form, int copies, List<String> notes, List<ItemRef> items,
                                 boolean exempt, boolean later) {
        public MergedMaterial {
            notes = List.copyOf(notes);
            items = List.copyOf(items);
        }

        /** What the applicant does with it, in Chinese. */
        public String handling() {
            return exempt ? "免提交" : later ? "可容缺（承诺后补）" : "需提交";
        }
    }

    /** Steps that can run at the same time (并联); phases run one after the other. */
    public record Phase(int number, List<PhaseStep> steps) {
        public Phase {
            steps = List.copyOf(steps);
        }

        public boolean parallel() {
            return steps.size() > 1;
        }
    }

    /** One item's place in a phase, with its own process and limits. */
    public record PhaseStep(String stepId, ItemRef item, String when, String note, List<String> process,
                            Integer legalDays, Integer promisedDays) {
        public PhaseStep {
            process = List.copyOf(process);
        }
    }

    /** What is charged, and for which items. */
    public record Fee(String text, List<ItemRef> items) {
        public Fee {
            items = List.copyOf(items);
        }
    }

    /** Where to apply online. */
    public record OnlineEntry(String platform, String url) {
    }
}
