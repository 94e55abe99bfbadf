package cn.liaison.kb.scenario;

import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Material;
import cn.liaison.kb.content.ServiceItem;
import cn.liaison.kb.scenario.ScenarioPackage.Fee;
import cn.liaison.kb.scenario.ScenarioPackage.ItemRef;
import cn.liaison.kb.scenario.ScenarioPackage.MergedMaterial;
import cn.liaison.kb.scenario.ScenarioPackage.OnlineEntry;
import cn.liaison.kb.scenario.ScenarioPackage.Phase;
import cn.liaison.kb.scenario.ScenarioPackage.PhaseStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Composes a scenario's package from its service items. A material needed by several items is
 * listed once naming all of them; it is 免提交 when any item says the office fetches it from
 * electronic licences, and 容缺 only when every item needing it accepts it later (a scenario rule
 * may say otherwise, e.g. under 信用承诺容缺受理). Steps are grouped into phases by their ordering:
 * a phase's steps run in parallel, so the total time limit adds up the longest step of each phase.
 * A step whose item is not (or no longer) published is left out.
 */
public final class PackageComposer {
    private PackageComposer() {
    }

    public static ScenarioPackage compose(Scenario scenario, Function<String, Optional<Entry>> items) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (ScenarioStep step : scenario.steps()) {
            items.apply(step.itemId()).filter(e -> e.item() != null).ifPresent(e -> found.putIfAbsent(e.id(), e));
        }
        List<ScenarioStep> steps = scenario.steps().stream().filter(s -> found.containsKey(s.itemId())).toList();
        List<ItemRef> refs = found.values().stream().map(PackageComposer::ref).toList();
        List<Phase> phases = phases(steps, found);
        int legal = 0;
        int promised = 0;
        boolean legalComplete = true;
        boolean promisedComplete = true;
        for (Phase phase : phases) {
            legal += phase.steps().stream().map(PhaseStep::legalDays).filter(Objects::nonNull).max(Integer::compare).orElse(0);
            promised += phase.steps().stream().map(PhaseStep::promisedDays).filter(Objects::nonNull)
                    .max(Integer::compare).orElse(0);
            legalComplete &= phase.steps().stream().allMatch(s -> s.legalDays() != null);
            promisedComplete &= phase.steps().stream().allMatch(s -> s.promisedDays() != null);
        }
        return new ScenarioPackage(scenario, refs, materials(scenario, found), phases, legal, legalComplete, promised,
                promisedComplete, fees(found), online(found));
    }

    private static ItemRef ref(Entry entry) {
        return new ItemRef(entry.id(), entry.title());
    }

    private static List<Phase> phases(List<ScenarioStep> steps, Map<String, Entry> items) {
        Map<String, ScenarioStep> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.put(s.id(), s));
        Map<String, Integer> levels = new HashMap<>();
        TreeMap<Integer, List<PhaseStep>> grouped = new TreeMap<>();
        for (ScenarioStep step : steps) {
            Entry entry = items.get(step.itemId());
            ServiceItem item = entry.item();
            grouped.computeIfAbsent(level(step, byId, levels, 0), k -> new ArrayList<>())
                    .add(new PhaseStep(step.id(), ref(entry), step.when(), step.note(), item.steps(),
                            item.legalTimeLimitDays(), item.promisedTimeLimitDays()));
        }
        List<Phase> phases = new ArrayList<>();
        grouped.values().forEach(list -> phases.add(new Phase(phases.size() + 1, list)));
        return phases;
    }

    /** 0 for a step without (published) predecessors, else one more than its latest predecessor. */
    private static int level(ScenarioStep step, Map<String, ScenarioStep> byId, Map<String, Integer> levels, int depth) {
        Integer known = levels.get(step.id());
        if (known != null) {
            return known;
        }
        if (depth > byId.size()) {
            throw new IllegalStateException("ordering cycle in scenario at step " + step.id());
        }
        int level = 0;
        for (String after : step.after()) {
            ScenarioStep before = byId.get(after);
            if (before != null) {
                level = Math.max(level, level(before, byId, levels, depth + 1) + 1);
            }
        }
        levels.put(step.id(), level);
        return level;
    }

    private static List<MergedMaterial> materials(Scenario scenario, Map<String, Entry> items) {
        Map<String, List<Material>> byName = new LinkedHashMap<>();
        Map<String, LinkedHashSet<ItemRef>> owners = new LinkedHashMap<>();
        for (Entry entry : items.values()) {
            for (Material material : entry.item().materials()) {
                String key = material.name().strip();
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(material);
                owners.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(ref(entry));
            }
        }
        List<MergedMaterial> merged = new ArrayList<>();
        for (Map.Entry<String, List<Material>> e : byName.entrySet()) {
            List<Material> all = e.getValue();
            Optional<MaterialRule> rule = scenario.materialRules().stream().filter(r -> r.name().equals(e.getKey())).findFirst();
            boolean exempt = all.stream().anyMatch(Material::electronicLicense);
            boolean later = all.stream().allMatch(Material::laterUnderCommitment);
            if (rule.isPresent() && rule.get().laterUnderCommitment() != null) {
                later = rule.get().laterUnderCommitment();
            }
            LinkedHashSet<String> notes = new LinkedHashSet<>();
            all.stream().map(Material::note).filter(Objects::nonNull).forEach(notes::add);
            rule.map(MaterialRule::note).ifPresent(notes::add);
            int copies = all.stream().mapToInt(Material::copies).max().orElse(1);
            merged.add(new MergedMaterial(e.getKey(), all.get(0).form(), copies, List.copyOf(notes),
                    List.copyOf(owners.get(e.getKey())), exempt, later && !exempt));
        }
        return merged;
    }

    private static List<Fee> fees(Map<String, Entry> items) {
        Map<String, List<ItemRef>> byText = new LinkedHashMap<>();
        items.values().forEach(e -> byText.computeIfAbsent(e.item().fee(), k -> new ArrayList<>()).add(ref(e)));
        return byText.entrySet().stream().map(e -> new Fee(e.getKey(), e.getValue())).toList();
    }

    private static List<OnlineEntry> online(Map<String, Entry> items) {
        LinkedHashSet<OnlineEntry> entries = new LinkedHashSet<>();
        for (Entry e : items.values()) {
            if (e.item().where().online() != null || e.item().onlineUrl() != null) {
                entries.add(new OnlineEntry(e.item().where().online(), e.item().onlineUrl()));
            }
        }
        return List.copyOf(entries);
    }
}
