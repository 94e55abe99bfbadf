package cn.liaison.kb.scenario;

import cn.liaison.kb.scenario.ScenarioPackage.ItemRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The package as plain maps and lists, one JSON shape for the CLI and the service's API. */
public final class PackageMaps {
    private PackageMaps() {
    }

    /** {@code id, title, stage, stageLabel, questions, region} — a scenario in a list. */
    public static Map<String, Object> summary(ScenarioPackage pkg) {
        Scenario s = pkg.scenario();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("kind", "scenario");
        out.put("title", s.title());
        out.put("stage", s.stage().code());
        out.put("stageLabel", s.stage().label());
        out.put("question", s.questions().isEmpty() ? s.title() : s.questions().get(0));
        out.put("region", s.region());
        out.put("items", pkg.items().stream().map(PackageMaps::item).toList());
        out.put("legalDays", pkg.legalDays());
        out.put("legalComplete", pkg.legalComplete());
        return out;
    }

    public static Map<String, Object> full(ScenarioPackage pkg) {
        Map<String, Object> out = summary(pkg);
        Scenario s = pkg.scenario();
        out.put("questions", s.questions());
        out.put("notes", s.notes());
        out.put("materials", pkg.materials().stream().map(m -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", m.name());
            map.put("form", m.form().code());
            map.put("formLabel", m.form().label());
            map.put("copies", m.copies());
            map.put("handling", m.exempt() ? "exempt" : m.later() ? "later" : "submit");
            map.put("handlingLabel", m.handling());
            map.put("notes", m.notes());
            map.put("items", m.items().stream().map(PackageMaps::item).toList());
            return map;
        }).toList());
        out.put("phases", pkg.phases().stream().map(p -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("number", p.number());
            map.put("parallel", p.parallel());
            map.put("steps", p.steps().stream().map(st -> {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("stepId", st.stepId());
                step.put("item", item(st.item()));
                step.put("when", st.when());
                step.put("note", st.note());
                step.put("process", st.process());
                step.put("legalDays", st.legalDays());
                step.put("promisedDays", st.promisedDays());
                return step;
            }).toList());
            return map;
        }).toList());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("legalDays", pkg.legalDays());
        limits.put("legalComplete", pkg.legalComplete());
        limits.put("promisedDays", pkg.promisedDays());
        limits.put("promisedComplete", pkg.promisedComplete());
        out.put("timeLimits", limits);
        out.put("fees", pkg.fees().stream().map(f -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("text", f.text());
            map.put("items", f.items().stream().map(PackageMaps::item).toList());
            return map;
        }).toList());
        out.put("online", pkg.online().stream().map(o -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("platform", o.platform());
            map.put("url", o.url());
            return map;
        }).toList());
        out.put("formFields", MergedForm.fieldIds(pkg).size());
        out.put("markdown", "## " + s.title() + "\n\n" + PackageMarkdown.render(pkg));
        return out;
    }

    private static Map<String, Object> item(ItemRef ref) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", ref.id());
        map.put("title", ref.title());
        return map;
    }

    static List<String> ids(List<ItemRef> refs) {
        return refs.stream().map(ItemRef::id).toList();
    }
}
