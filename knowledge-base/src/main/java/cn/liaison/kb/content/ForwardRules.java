package cn.liaison.kb.content;

import java.util.List;

/**
 * The departments of {@code forward.yaml}, and its {@code anchors}: words only a 人防 matter uses
 * (人防, 防空, 易地建设费 …). A question without any anchor needs more to be answered, and a
 * department that matches it nearly as well as an entry takes it.
 */
public record ForwardRules(List<ForwardRule> departments, List<String> anchors) {
    public static final ForwardRules NONE = new ForwardRules(List.of(), List.of());

    public ForwardRules {
        departments = List.copyOf(departments);
        anchors = List.copyOf(anchors);
    }

    public ForwardRules(List<ForwardRule> departments) {
        this(departments, List.of());
    }
}
