package cn.liaison.backend.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The comparisons a rule's condition may make. */
public enum Operator {
    EQ("为"),
    NE("不为"),
    IN("属于"),
    NOT_IN("不属于"),
    LT("<"),
    LTE("≤"),
    GT(">"),
    GTE("≥");

    private final String words;

    Operator(String words) {
        this.words = words;
    }

    /** How the operator reads in an explanation. */
    public String words() {
        return words;
    }

    /** As rules write it: {@code eq}, {@code lt}, {@code not_in} (case-insensitive). */
    public static Optional<Operator> parse(String text) {
        for (Operator op : values()) {
            if (op.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public boolean ordering() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    public boolean membership() {
        return this == IN || this == NOT_IN;
    }

    /** Whether {@code actual} (never null) stands in this relation to {@code expected}. */
    boolean test(Object actual, Object expected) {
        return switch (this) {
            case EQ -> same(actual, expected);
            case NE -> !same(actual, expected);
            case IN -> ((Collection<?>) expected).stream().anyMatch(e -> same(actual, e));
            case NOT_IN -> ((Collection<?>) expected).stream().noneMatch(e -> same(actual, e));
            case LT -> compare(actual, expected) < 0;
            case LTE -> compare(actual, expected) <= 0;
            case GT -> compare(actual, expected) > 0;
            case GTE -> compare(actual, expected) >= 0;
        };
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }

    private static int compare(Object a, Object b) {
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
}
