package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

import java.util.Map;
import java.util.Objects;

/**
 * What a rule may say about one fact of a project: its type, its Chinese name for explanations,
 * and for enumerations the allowed values with their labels.
 *
 * @param labels allowed values → Chinese label (enumerations only; empty otherwise)
 */
@Published
public record FactSpec(String field, Type type, String label, Map<String, String> labels) {

    /** The kinds of value a fact holds; they decide which operators a rule may use. */
    public enum Type { NUMBER, BOOLEAN, ENUM, TEXT }

    public FactSpec {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        labels = Map.copyOf(labels);
    }

    public static FactSpec number(String field, String label) {
        return new FactSpec(field, Type.NUMBER, label, Map.of());
    }

    public static FactSpec bool(String field, String label) {
        return new FactSpec(field, Type.BOOLEAN, label, Map.of());
    }

    public static FactSpec text(String field, String label) {
        return new FactSpec(field, Type.TEXT, label, Map.of());
    }

    public static FactSpec enumeration(String field, String label, Map<String, String> labels) {
        return new FactSpec(field, Type.ENUM, label, labels);
    }

    /** A value as people read it: enum labels, 是/否, numbers without a needless ".0". */
    public String show(Object value) {
        if (value == null) {
            return "未填写";
        }
        return switch (type) {
            case ENUM -> labels.getOrDefault(String.valueOf(value), String.valueOf(value));
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "是" : "否";
            case NUMBER -> {
                double d = ((Number) value).doubleValue();
                yield d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
            }
            case TEXT -> String.valueOf(value);
        };
    }
}
