package cn.liaison.kb.scenario;

import cn.liaison.kb.scenario.ScenarioPackage.Phase;
import cn.liaison.kb.scenario.ScenarioPackage.PhaseStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 一表申请: the union of the fields the package's items ask for, each field once, as a JSON Schema
 * (draft 2020-12) the mini-program renders. A field is required when an item that always applies
 * asks for it; fields only of conditional steps (e.g. 易地建设) are optional. {@code x-items} names
 * the items a field is used for.
 */
public final class MergedForm {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private MergedForm() {
    }

    /** The field ids in order of first use. */
    public static List<String> fieldIds(ScenarioPackage pkg) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        FormCatalogue form = pkg.scenario().form();
        pkg.items().forEach(item -> ids.addAll(form.fieldsOf(item.id())));
        return List.copyOf(ids);
    }

    public static Map<String, Object> schema(ScenarioPackage pkg) {
        Scenario scenario = pkg.scenario();
        FormCatalogue form = scenario.form();
        Set<String> required = new LinkedHashSet<>();
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        for (Phase phase : pkg.phases()) {
            for (PhaseStep step : phase.steps()) {
                for (String field : form.fieldsOf(step.item().id())) {
                    List<String> items = usedBy.computeIfAbsent(field, k -> new ArrayList<>());
                    if (!items.contains(step.item().id())) {
                        items.add(step.item().id());
                    }
                    if (step.when() == null) {
                        required.add(field);
                    }
                }
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String id : fieldIds(pkg)) {
            FormField field = form.fields().get(id);
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", field.type());
            property.put("title", field.title());
            if (field.description() != null) {
                property.put("description", field.description());
            }
            if (field.format() != null) {
                property.put("format", field.format());
            }
            if (!field.options().isEmpty()) {
                property.put("enum", field.options());
            }
            property.put("x-items", usedBy.getOrDefault(id, List.of()));
            properties.put(id, property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("$id", "urn:liaison:scenario-form:" + scenario.id());
        schema.put("title", scenario.title() + "（一表申请）");
        schema.put("description", "每项信息只填一次，同时用于：" + String.join("、",
                pkg.items().stream().map(ScenarioPackage.ItemRef::title).toList()));
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required.stream().filter(properties::containsKey).toList());
        schema.put("additionalProperties", false);
        return schema;
    }
}
