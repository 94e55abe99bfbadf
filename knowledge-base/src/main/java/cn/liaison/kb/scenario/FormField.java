package cn.liaison.kb.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One field of the one-table application (一表申请).
 *
 * @param type    JSON Schema type: string | number | integer | boolean
 * @param format  JSON Schema format (e.g. date), or null
 * @param options allowed values, empty when free
 */
public record FormField(String id, String title, String type, String format, String description, List<String> options) {
    public FormField {
        Objects.requireNonNull(id, "field id");
        Objects.requireNonNull(title, "field title");
        Objects.requireNonNull(type, "field type");
        options = List.copyOf(options);
    }
}
