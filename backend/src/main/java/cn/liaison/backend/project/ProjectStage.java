package cn.liaison.backend.project;

/** The four stages of construction approval (工程建设项目审批四个阶段). */
public enum ProjectStage {
    PLANNING_PERMIT("立项用地规划许可"),
    ENGINEERING_PERMIT("工程建设许可"),
    CONSTRUCTION_PERMIT("施工许可"),
    COMPLETION_ACCEPTANCE("竣工验收");

    private final String label;

    ProjectStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
