package cn.liaison.backend.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import org.junit.jupiter.api.Test;

/** Each card opens the view of what it is about on the phone page. */
class StaffLinksTest {

    private static final String BASE = "https://liaison.test";

    @Test
    void requestEventsOpenTheTask() {
        for (NotificationEvent e : new NotificationEvent[] {NotificationEvent.ASSIGNED, NotificationEvent.REMINDER,
                NotificationEvent.OVERDUE, NotificationEvent.ESCALATED, NotificationEvent.EXTENSION_REQUESTED,
                NotificationEvent.REWORK, NotificationEvent.URGED, NotificationEvent.NEEDS_ASSIGNMENT}) {
            assertEquals(BASE + "/m/#/tasks/0b1c-42", StaffLinks.url(BASE, e, "0b1c-42"), e.name());
        }
    }

    @Test
    void planEventsOpenThePlan() {
        for (NotificationEvent e : new NotificationEvent[] {NotificationEvent.PLAN_ASSIGNED, NotificationEvent.PLAN_STEP_DUE,
                NotificationEvent.PLAN_REOPENED}) {
            assertEquals(BASE + "/m/#/plans/plan-7", StaffLinks.url(BASE, e, "plan-7"), e.name());
        }
    }

    @Test
    void aProactiveTaskOpensTheTaskWithItsIdEncoded() {
        assertEquals(BASE + "/m/#/proactive/stage%3Aproject-1%3APERMIT",
                StaffLinks.url(BASE, NotificationEvent.PROACTIVE_TASK, "stage:project-1:PERMIT"));
    }

    @Test
    void projectEventsOpenTheInboxNotATaskThatDoesNotExist() {
        assertEquals(BASE + "/m/#/tasks", StaffLinks.url(BASE, NotificationEvent.PROJECT_ASSIGNED, "project-1"));
        assertEquals("#/tasks", StaffLinks.route(NotificationEvent.POLICY_DUE_NOT_APPLIED, "project-1"));
    }

    @Test
    void everyEventHasALinkUnderThePhonePage() {
        for (NotificationEvent e : NotificationEvent.values()) {
            assertTrue(StaffLinks.route(e, "x y").startsWith("#/"), e.name());
            assertTrue(!StaffLinks.route(e, "x y").contains(" "), "ids are encoded: " + e.name());
        }
    }
}
