package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

/** Where a request (诉求) stands in the loop 收集 → 研判 → 办理 → 反馈 → 回访. */
@Published
public enum RequestStatus {
    /** 收集: received, not yet assessed. */
    RECEIVED("已受理"),
    /** 研判: assessed; waiting for a unit head to assign when routing could not decide. */
    ASSESSED("待分派"),
    /** Assigned to a liaison, not yet signed for (签收). */
    ASSIGNED("待签收"),
    /** 办理: signed for and being handled. */
    IN_PROGRESS("办理中"),
    /** 反馈: answered, waiting for the enterprise's rating (回访). */
    RESPONDED("已答复"),
    /** Finished: rated satisfied, or closed without a rating. */
    CLOSED("已办结"),
    /** 函转: not a civil air defence matter; handed to another department. */
    FORWARDED("已转办"),
    /** 退单: a 12345 work order returned to the platform. */
    RETURNED("已退单"),
    /** 差评整改: rated dissatisfied; handled again under a rectification deadline. */
    REWORK("整改中"),
    /** A consultation answered directly from the knowledge base. */
    ANSWERED("已解答");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** Still needs someone to act. */
    public boolean isOpen() {
        return this != CLOSED && this != FORWARDED && this != RETURNED && this != ANSWERED;
    }
}
