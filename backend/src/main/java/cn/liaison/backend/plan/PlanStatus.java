package cn.liaison.backend.plan;

/** Where a service plan (一企一策) stands. */
enum PlanStatus {
    /** 推进中: steps are being worked on (also after a bad rating reopened it). */
    ACTIVE("推进中"),
    /** 待企业确认: every step is done; the enterprise is asked to confirm. */
    AWAITING_CONFIRMATION("待企业确认"),
    /** 待评价: the enterprise confirmed; it is asked to rate the service. */
    CONFIRMED("待评价"),
    /** 已办结: confirmed and rated. */
    CLOSED("已办结");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
