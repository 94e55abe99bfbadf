package cn.liaison.kb.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The four stages of construction approval (工程建设项目审批四个阶段): of a scenario, and of a project in the backend. */
public enum ApprovalStage {
    PLANNING_PERMIT("planning-permit", "立项用地规划许可"),
    ENGINEERING_PERMIT("engineering-permit", "工程建设许可"),
    CONSTRUCTION_PERMIT("construction-permit", "施工许可"),
    COMPLETION_ACCEPTANCE("completion-acceptance", "竣工验收");

    private final String code;
    private final String label;

    ApprovalStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ApprovalStage> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
