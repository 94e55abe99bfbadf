package cn.liaison.kb.scenario;

import java.util.List;
import java.util.Map;

/** The form fields ({@code scenarios/form-fields.yaml}) and which ones each service item asks for. */
public record FormCatalogue(Map<String, FormField> fields, Map<String, List<String>> fieldsByItem) {
    public static final FormCatalogue NONE = new FormCatalogue(Map.of(), Map.of());

    public FormCatalogue {
        fields = Map.copyOf(fields);
        fieldsByItem = Map.copyOf(fieldsByItem);
    }

    public List<String> fieldsOf(String itemId) {
        return fieldsByItem.getOrDefault(itemId, List.of());
    }
}
