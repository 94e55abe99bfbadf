package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

/** Everything that can happen to a request; each is one kind of history entry. */
@Published
public enum Action {
    CREATE("提交诉求"),
    ASSESS("研判"),
    ASSIGN("分派"),
    ACCEPT("签收"),
    PROGRESS("办理进展"),
    RESPOND("答复"),
    FORWARD("转办"),
    RETURN("退单"),
    EXTENSION("申请延期"),
    EXTENSION_APPROVE("批准延期"),
    EXTENSION_REJECT("驳回延期"),
    RATE("评价"),
    CLOSE("办结"),
    REMIND("催办提醒"),
    OVERDUE("超期"),
    ESCALATE("升级督办"),
    INVITE_RATING("邀请评价"),
    /** A staff-only note (内部备注): never shown to the enterprise. */
    NOTE("内部备注"),
    /** The enterprise adds information after filing (补充说明). */
    SUPPLEMENT("补充说明"),
    /** The enterprise urges its request (催办); at most once a working day. */
    URGE("企业催办");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether its history entry is for staff only (never shown to the enterprise). */
    public boolean internal() {
        return this == NOTE;
    }

    /**
     * Whether its history entry is the office's own business, never shown to the enterprise as it
     * stands: internal notes, and an extension's request and decision with their reasons (an approved
     * one reaches the enterprise only as its new due date, see {@code EnterpriseView}).
     */
    public boolean staffOnly() {
        return switch (this) {
            case NOTE, EXTENSION, EXTENSION_APPROVE, EXTENSION_REJECT -> true;
            default -> false;
        };
    }

    /** Whether the stored action name {@code name} is one the enterprise never reads as it stands. */
    public static boolean staffOnly(String name) {
        for (Action action : values()) {
            if (action.name().equals(name)) {
                return action.staffOnly();
            }
        }
        return false;
    }

    /** The path segment of {@code POST /api/v1/requests/{id}/{action}}. */
    public String path() {
        return switch (this) {
            case EXTENSION_APPROVE -> "extension/approve";
            case EXTENSION_REJECT -> "extension/reject";
            default -> name().toLowerCase();
        };
    }
}
