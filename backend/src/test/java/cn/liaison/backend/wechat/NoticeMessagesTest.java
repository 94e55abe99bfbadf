package cn.liaison.backend.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.MiniProgramConfig.Moment;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which template, page and words a plan, check-in or inspection notice becomes. */
class NoticeMessagesTest {

    static final Map<String, String> KEYS = Map.of("number", "character_string1", "status", "phrase2", "summary", "thing3", "time", "time4");
    static final Map<Moment, String> TEMPLATES = Map.of(Moment.PLAN_PROGRESS, "tpl-plan", Moment.CHECK_IN, "tpl-check-in");
    static final Instant AT = Instant.parse("2026-11-23T16:05:00Z"); // 00:05 the next day in Beijing

    static Notification notice(NotificationEvent event, String ownerId, Map<String, String> data) {
        return new Notification("n-1", ownerId, event, List.of("user-x"), "title", "text", AT, data);
    }

    @Test
    void aPlanNoticeOpensThePlanWithItsWordsAndBeijingTime() {
        var m = NoticeMessages.of(notice(NotificationEvent.PLAN_PROGRESS, "3f2a9c1e-77aa-4bcd-9e10-aa0011223344",
                Map.of("status", "待您确认", "summary", "示范花园人防报建陪跑，两周内完成防空地下室报建审批")), TEMPLATES, KEYS).orElseThrow();
        assertEquals("tpl-plan", m.template());
        assertEquals("pages/plans/detail?id=3f2a9c1e-77aa-4bcd-9e10-aa0011223344", m.page());
        assertEquals("待您确认", m.data().get("phrase2"));
        assertEquals("3F2A9C1E", m.data().get("character_string1"));
        assertEquals("2026-11-24 00:05", m.data().get("time4"));
        assertEquals(20, m.data().get("thing3").length(), "cut to WeChat's 20 characters");
    }

    @Test
    void aCheckInOpensTheChatAboutItsProject() {
        var m = NoticeMessages.of(notice(NotificationEvent.CHECK_IN, "stage:project-ab12cd34ef:CONSTRUCTION_PERMIT",
                Map.of("status", "主动问询", "projectId", "project-ab12cd34ef", "summary", "研发楼：项目进入新阶段")), TEMPLATES, KEYS).orElseThrow();
        assertEquals("tpl-check-in", m.template());
        assertEquals("pages/chat/index?projectId=project-ab12cd34ef", m.page());
        assertEquals("AB12CD34", m.data().get("character_string1"));
        assertEquals("主动问询", m.data().get("phrase2"));
    }

    @Test
    void withoutItsTemplateOrWithoutDataThereIsNoMessage() {
        Map<String, String> data = Map.of("status", "方案已制定", "summary", "x");
        assertTrue(NoticeMessages.of(notice(NotificationEvent.PLAN_PROGRESS, "p", data), Map.of(Moment.RESPONDED, "tpl-r"), KEYS).isEmpty(),
                "a request template is not borrowed");
        assertTrue(NoticeMessages.of(notice(NotificationEvent.PLAN_PROGRESS, "p", Map.of()), TEMPLATES, KEYS).isEmpty(),
                "staff's copy carries no data");
        assertTrue(NoticeMessages.of(notice(NotificationEvent.RESPONDED, "r", data), TEMPLATES, KEYS).isEmpty());
    }
}
