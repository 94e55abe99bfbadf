package cn.liaison.backend.policy;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** One condition of a rule: {@code field op value}, already checked against the field's {@link FactSpec}. */
public record Condition(FactSpec fact, Operator op, Object value) {

    public Condition {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    /** Whether the condition holds for the facts; a missing fact never satisfies a condition. */
    public boolean holds(Facts facts) {
        Object actual = facts.value(fact.field());
        return actual != null && op.test(actual, value);
    }

    /** In words, with the project's value: 「总建筑面积 1800 < 2000」. */
    public String explain(Facts facts) {
        Object actual = facts.value(fact.field());
        String expected = value instanceof Collection<?> many
                ? many.stream().map(fact::show).collect(Collectors.joining("、", "「", "」"))
                : fact.show(value);
        if (op.ordering()) {
            return fact.label() + " " + fact.show(actual) + " " + op.words() + " " + expected;
        }
        return fact.label() + "为「" + fact.show(actual) + "」（规则要求" + op.words() + expected + "）";
    }
}
