package cn.liaison.kb.content;

import java.util.List;

/** The departments of {@code forward.yaml}. */
public record ForwardRules(List<ForwardRule> departments) {
    public static final ForwardRules NONE = new ForwardRules(List.of());

    public ForwardRules {
        departments = List.copyOf(departments);
    }
}
