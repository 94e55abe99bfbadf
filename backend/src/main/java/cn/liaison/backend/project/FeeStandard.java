package cn.liaison.backend.project;

/** Which rate the off-site fee (易地建设费) is charged at. */
public enum FeeStandard {
    STANDARD("原标准"),
    LOWERED("下调后标准");

    private final String label;

    FeeStandard(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
