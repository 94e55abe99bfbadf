package cn.liaison.backend.plan;

/** A plan step's state. */
enum StepState {
    OPEN("未开始"), IN_PROGRESS("办理中"), DONE("已完成");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
