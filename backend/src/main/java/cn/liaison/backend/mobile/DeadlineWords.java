package cn.liaison.backend.mobile;

import cn.liaison.backend.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A deadline in plain words on the working-day calendar: "还剩 1 个工作日", "今天 17:30 到期", "已超期 2 个工作日". */
public final class DeadlineWords {

    /** How pressing a deadline is; the page colours tasks by it. */
    public enum Urgency { OVERDUE, DUE_SOON, NORMAL }

    /** {@code calendarComplete} is false when a year between now and the due day has no holiday schedule. */
    public record Words(String text, Urgency urgency, int workingDaysLeft, boolean calendarComplete) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final WorkingCalendar calendar;

    public DeadlineWords(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Words describe(Instant due, Instant now) {
        Words words = words(due, now);
        boolean complete = calendar.completeBetween(due.atZone(WorkingCalendar.ZONE).toLocalDate(),
                now.atZone(WorkingCalendar.ZONE).toLocalDate());
        return new Words(words.text(), words.urgency(), words.workingDaysLeft(), complete);
    }

    private Words words(Instant due, Instant now) {
        ZonedDateTime dueAt = due.atZone(WorkingCalendar.ZONE);
        ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
        LocalDate today = local.toLocalDate();
        LocalDate dueDay = dueAt.toLocalDate();
        if (!due.isAfter(now)) {
            int days = calendar.workingDaysBetween(dueDay, today);
            if (days <= 0) {
                long hours = Math.max(1, Duration.between(due, now).toHours());
                return new Words("已超期 " + hours + " 小时（" + WHEN.format(dueAt) + " 到期）", Urgency.OVERDUE, 0, true);
            }
            return new Words("已超期 " + days + " 个工作日（" + WHEN.format(dueAt) + " 到期）", Urgency.OVERDUE, -days, true);
        }
        if (dueDay.equals(today)) {
            return new Words("今天 " + TIME.format(dueAt) + " 前到期", Urgency.DUE_SOON, 0, true);
        }
        int left = calendar.workingDaysBetween(today, dueDay);
        Urgency urgency = left <= 1 ? Urgency.DUE_SOON : Urgency.NORMAL;
        if (left <= 0) {
            return new Words(WHEN.format(dueAt) + " 前到期", Urgency.DUE_SOON, 0, true);
        }
        return new Words("还剩 " + left + " 个工作日（" + WHEN.format(dueAt) + " 前）", urgency, left, true);
    }
}
