package cn.liaison.backend.wecom;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 无事不扰: when a WeCom message may reach a member. Nothing during quiet hours except escalations,
 * and at most one reminder per task per half-day (morning until 12:00, afternoon after); what may
 * not go now waits, it is never dropped.
 */
public final class DeliveryPolicy {

    private static final LocalTime NOON = LocalTime.NOON;

    private final QuietHours quietHours;

    public DeliveryPolicy(QuietHours quietHours) {
        this.quietHours = quietHours;
    }

    /**
     * @param remindedThisHalfDay whether this member already got a reminder about this task in the
     *                            half-day {@code now} falls in
     * @return empty to send now; otherwise the earliest time to try again
     */
    public Optional<Instant> holdUntil(NotificationEvent event, Instant now, boolean remindedThisHalfDay) {
        if (event == NotificationEvent.ESCALATED) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
        if (quietHours.isQuiet(local.toLocalTime())) {
            return Optional.of(endOfQuiet(local).toInstant());
        }
        if (event == NotificationEvent.REMINDER && remindedThisHalfDay) {
            ZonedDateTime next = nextHalfDay(local);
            return Optional.of(quietHours.isQuiet(next.toLocalTime()) ? endOfQuiet(next).toInstant() : next.toInstant());
        }
        return Optional.empty();
    }

    /** Names the half-day {@code at} falls in, e.g. {@code 2026-11-23-AM}. */
    public static String halfDay(Instant at) {
        ZonedDateTime local = at.atZone(WorkingCalendar.ZONE);
        return local.toLocalDate() + (local.toLocalTime().isBefore(NOON) ? "-AM" : "-PM");
    }

    public String describeHold(NotificationEvent event, Instant now, Instant until) {
        String time = until.atZone(WorkingCalendar.ZONE).toLocalDateTime().toString().replace('T', ' ');
        return quietHours.isQuiet(now.atZone(WorkingCalendar.ZONE).toLocalTime())
                ? "免打扰时段（" + quietHours + "），" + time + " 再发送"
                : "同一任务半天内只提醒一次，" + time + " 再发送";
    }

    private static ZonedDateTime nextHalfDay(ZonedDateTime local) {
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().isBefore(NOON)
                ? day.atTime(NOON).atZone(WorkingCalendar.ZONE)
                : day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE);
    }

    private ZonedDateTime endOfQuiet(ZonedDateTime local) {
        ZonedDateTime end = local.toLocalDate().atTime(quietHours.end()).atZone(WorkingCalendar.ZONE);
        return end.isAfter(local) ? end : end.plusDays(1);
    }
}
