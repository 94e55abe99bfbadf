package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.Published;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;

/**
 * The dates this service accepts from callers. Dates outside it are refused with a 400 before any
 * work starts: nobody needs a working day in the year 999999999, and walking there would hold an
 * event loop for minutes. Deadlines relative to now get a tighter window ({@link #aroundNow}).
 */
@Published
public final class DateWindow {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    /** How far from today a deadline may lie: enough for any time limit, short enough to compute at once. */
    public static final Period AROUND_NOW = Period.ofYears(5);

    private DateWindow() {
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }

    public static boolean containsYear(int year) {
        return year >= EARLIEST.getYear() && year <= LATEST.getYear();
    }

    /** Whether {@code at} lies within {@link #AROUND_NOW} of {@code now} (in Beijing time). */
    public static boolean aroundNow(Instant at, Instant now) {
        // Compared as instants: converting an instant near Instant.MAX to a local date would overflow.
        ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
        return !at.isBefore(local.minus(AROUND_NOW).toInstant()) && !at.isAfter(local.plus(AROUND_NOW).toInstant());
    }

    /** The window for messages: "2000-01-01 至 2099-12-31". */
    public static String describe() {
        return EARLIEST + " 至 " + LATEST;
    }
}
