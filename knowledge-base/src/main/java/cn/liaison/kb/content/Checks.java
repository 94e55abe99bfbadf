package cn.liaison.kb.content;

import java.util.List;

/** Argument checks shared by the model records' compact constructors. */
final class Checks {
    private Checks() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static <T> List<T> nonEmpty(List<T> values, String name) {
        List<T> copy = List.copyOf(values == null ? List.of() : values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return copy;
    }

    static List<String> texts(List<String> values, String name) {
        List<String> copy = List.copyOf(values == null ? List.of() : values);
        copy.forEach(v -> text(v, name + " element"));
        return copy;
    }
}
