package cn.liaison.backend.platform.outbox;

/** Why a notification is sent; channels pick their template by it. */
public enum NotificationEvent {
    /** To the enterprise: the request was received. */
    RECEIVED,
    /** To unit heads: routing could not decide, please assign. */
    NEEDS_ASSIGNMENT,
    /** To the liaison: a new task. */
    ASSIGNED,
    /** To the liaison: 50% or 80% of a time limit has passed. */
    REMINDER,
    /** To the liaison and unit heads: a time limit has passed. */
    OVERDUE,
    /** To unit heads, then city admins: an overdue task is escalated. */
    ESCALATED,
    /** To unit heads: a liaison asks for more time. */
    EXTENSION_REQUESTED,
    /** To the liaison: the extension was approved or rejected. */
    EXTENSION_DECIDED,
    /** To the enterprise: the response (反馈). */
    RESPONDED,
    /** To the enterprise: not a civil air defence matter, and who handles it. */
    FORWARDED,
    /** To the liaison and unit heads: a bad rating opened a rectification. */
    REWORK,
    /** To the enterprise: please rate the response. */
    RATING_INVITED,
    /** To the enterprise: the request is closed. */
    CLOSED,
    /** To the liaison (or unit heads): the enterprise added information (补充说明). */
    SUPPLEMENTED,
    /** To the liaison, and unit heads from the second time: the enterprise urges (催办). */
    URGED,
    /** To the 12345 platform: a liaison signed for the work order (签收). */
    SIGNED,
    /** To the 12345 platform: the work order is returned (退单). */
    RETURNED,
    // Project events (project library): for these, Notification.requestId carries the PROJECT id.
    /** To the enterprise and the liaison: a policy applies itself to the project (免申即享). */
    POLICY_MATCHED,
    /** To the liaison and unit heads: a policy applies but the obligation does not show it (应享未享). */
    POLICY_DUE_NOT_APPLIED,
    /** To the liaison: assigned to a project (包片包干). */
    PROJECT_ASSIGNED,
    // Inspection events (扫码入企): Notification.requestId carries the INSPECTION id, data its number and item.
    /** To the enterprise: an inspection was registered; please see and rate it. */
    INSPECTION_RECORDED,
    // Service plans (一企一策): Notification.requestId carries the PLAN id.
    /** To the enterprise: a plan was opened for it, a step was done, or it is ready to confirm. */
    PLAN_PROGRESS,
    /** To staff: a plan step is theirs (lead, helper, step owner). */
    PLAN_ASSIGNED,
    /** To the step owner, unit heads, city admins: a plan step's reminder, overdue or escalation. */
    PLAN_STEP_DUE,
    /** To the lead and unit heads: a bad rating reopened the plan. */
    PLAN_REOPENED,
    // Service that comes first (跨前服务): Notification.requestId carries the TASK id.
    /** To the liaison: a proactive task (跨前对接) with what to ask. */
    PROACTIVE_TASK,
    /** To the enterprise: one check-in message (主动问询), within the monthly contact limit. */
    CHECK_IN
}
