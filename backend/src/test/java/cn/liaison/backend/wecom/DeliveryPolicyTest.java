package cn.liaison.backend.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(QuietHours.parse("21:00-08:00"));

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void quietHoursSpanMidnight() {
        QuietHours quiet = QuietHours.parse("21:00-08:00");
        assertTrue(quiet.isQuiet(LocalTime.of(23, 0)));
        assertTrue(quiet.isQuiet(LocalTime.of(7, 59)));
        assertFalse(quiet.isQuiet(LocalTime.of(8, 0)));
        assertFalse(quiet.isQuiet(LocalTime.of(20, 59)));
        assertTrue(QuietHours.parse("12:00-13:30").isQuiet(LocalTime.of(12, 30)));
        assertFalse(QuietHours.NONE.isQuiet(LocalTime.of(3, 0)));
    }

    @Test
    void nightMessagesWaitForMorningEvenAfterMidnight() {
        assertEquals(Optional.of(at("2026-11-24T08:00:00+08:00")),
                policy.holdUntil(NotificationEvent.ASSIGNED, at("2026-11-23T22:00:00+08:00"), false));
        assertEquals(Optional.of(at("2026-11-24T08:00:00+08:00")),
                policy.holdUntil(NotificationEvent.OVERDUE, at("2026-11-24T02:00:00+08:00"), false));
    }

    @Test
    void escalationsGoAtAnyTime() {
        assertEquals(Optional.empty(), policy.holdUntil(NotificationEvent.ESCALATED, at("2026-11-24T02:00:00+08:00"), true));
    }

    @Test
    void aSecondReminderInTheSameHalfDayWaitsForTheNext() {
        assertEquals(Optional.empty(), policy.holdUntil(NotificationEvent.REMINDER, at("2026-11-23T09:00:00+08:00"), false));
        assertEquals(Optional.of(at("2026-11-23T12:00:00+08:00")),
                policy.holdUntil(NotificationEvent.REMINDER, at("2026-11-23T09:00:00+08:00"), true));
        // An afternoon reminder's next half-day starts at midnight, inside quiet hours: 08:00 then.
        assertEquals(Optional.of(at("2026-11-24T08:00:00+08:00")),
                policy.holdUntil(NotificationEvent.REMINDER, at("2026-11-23T15:00:00+08:00"), true));
        assertEquals("2026-11-23-AM", DeliveryPolicy.halfDay(at("2026-11-23T11:59:00+08:00")));
        assertEquals("2026-11-23-PM", DeliveryPolicy.halfDay(at("2026-11-23T12:00:00+08:00")));
    }

    @Test
    void longTextsAreCutToWecomByteLimits() {
        String fitted = WecomNotifier.fit("人防".repeat(100), 128);
        assertTrue(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128, fitted);
        assertTrue(fitted.endsWith("…"));
        assertEquals("短标题", WecomNotifier.fit("短标题", 128));
    }
}
