package cn.liaison.kb.scenario;

import cn.liaison.kb.content.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a scenario's {@code steps}: known items, known predecessors, and no cycle in the ordering. */
final class StepsParser {
    private final YamlNodes map;
    private final Map<String, Entry> items;

    StepsParser(YamlNodes map, Map<String, Entry> items) {
        this.map = map;
        this.items = items;
    }

    List<ScenarioStep> parse() {
        Map<String, ScenarioStep> steps = new LinkedHashMap<>();
        Map<String, YamlNodes> nodes = new HashMap<>();
        List<YamlNodes> raw = map.maps("steps", true);
        for (YamlNodes step : raw) {
            step.allowOnly(java.util.Set.of("id", "item", "after", "when", "note"), "（步骤中）");
            String item = step.text("item", true);
            String id = step.has("id") ? step.text("id", true) : item;
            if (item != null && !items.containsKey(item)) {
                step.error("item", "未知办事事项 '" + item + "'（没有这个编号的 kind: item 条目）");
            }
            if (id != null && steps.containsKey(id)) {
                step.error("id", "步骤 '" + id + "' 重复");
                continue;
            }
            if (id != null && item != null) {
                steps.put(id, new ScenarioStep(id, item, step.texts("after", false), step.text("when", false),
                        step.text("note", false)));
                nodes.put(id, step);
            }
        }
        for (ScenarioStep step : steps.values()) {
            for (ScalarNode after : nodes.get(step.id()).scalars("after", false)) {
                if (!steps.containsKey(after.getValue().strip())) {
                    nodes.get(step.id()).errorAt(after, "步骤 '" + step.id() + "' 排在未知步骤 '"
                            + after.getValue() + "' 之后");
                }
            }
        }
        reportCycle(steps, nodes);
        return List.copyOf(steps.values());
    }

    /** Depth-first search; the first cycle found is reported at the step that closes it. */
    private void reportCycle(Map<String, ScenarioStep> steps, Map<String, YamlNodes> nodes) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : steps.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, steps, state, path)) {
                nodes.get(path.get(path.size() - 2)).error("after", "先后顺序成环：" + String.join(" → ", path)
                        + "（一个步骤不能排在自己之后）");
                return;
            }
        }
    }

    private static boolean visit(String id, Map<String, ScenarioStep> steps, Map<String, Integer> state,
            List<String> path) {
        ScenarioStep step = steps.get(id);
        if (step == null) {
            return false;
        }
        int seen = state.getOrDefault(id, 0);
        if (seen == 2) {
            return false;
        }
        path.add(id);
        if (seen == 1) {
            path.subList(0, path.indexOf(id)).clear();
            return true;
        }
        state.put(id, 1);
        for (String after : step.after()) {
            if (visit(after, steps, state, path)) {
                return true;
            }
        }
        state.put(id, 2);
        path.remove(path.size() - 1);
        return false;
    }
}
