package cn.liaison.backend.platform.audit;

/**
 * What the audit log (审计日志) records: what happens outside a request's own history. Operations
 * name theirs in the contract ({@code x-audit}); raw routes record through {@link AuditSink}.
 */
public enum AuditAction {
    LOGIN("登录"),
    LOGIN_FAILED("登录失败"),
    LOGOUT("退出登录"),
    KB_PUBLISHED("发布知识条目"),
    KB_UNPUBLISHED("下架知识条目"),
    BINDING_APPROVED("通过企业绑定"),
    BINDING_REJECTED("驳回企业绑定"),
    ACCOUNT_CREATED("新建账号"),
    ACCOUNT_CHANGED("修改账号或角色"),
    PASSWORD_RESET("重置密码"),
    UNIT_CREATED("新建单位"),
    UNIT_CHANGED("修改单位"),
    EXPORT_DOWNLOADED("下载导出文件"),
    CALENDAR_LOADED("发布放假安排");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
