package cn.liaison.backend.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One year's public holidays (法定节假日 with the days joined to them) and make-up workdays (调休上班),
 * as announced by the State Council's notice for that year.
 */
public record HolidaySchedule(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public HolidaySchedule {
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        makeUpWorkdays = Set.copyOf(Objects.requireNonNull(makeUpWorkdays, "makeUpWorkdays"));
        for (LocalDate day : holidays) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException("holiday " + day + " is not in " + year);
            }
        }
        for (LocalDate day : makeUpWorkdays) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException("make-up workday " + day + " is not in " + year);
            }
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("make-up workday " + day + " is a " + day.getDayOfWeek()
                        + "; only a Saturday or Sunday can be made a workday");
            }
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("days both holiday and make-up workday: " + both);
        }
    }

    /** A year nobody has published holidays for: only weekends are off. */
    public static HolidaySchedule weekendsOnly(int year) {
        return new HolidaySchedule(year, Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !holidays.contains(day);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
