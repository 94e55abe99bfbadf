package cn.liaison.backend.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 放假安排: one year's notice as published, with the holidays' names, before it becomes a
 * {@link HolidaySchedule}. Built only through {@link ScheduleJson#parse}, which checks it field by field.
 */
public record PublishedSchedule(int year, List<Holiday> holidays, List<LocalDate> makeUpWorkdays) {

    /** One holiday as a named inclusive range, e.g. 国庆节 2026-10-01 to 2026-10-07. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
        public Holiday {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    public PublishedSchedule {
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }

    public HolidaySchedule toSchedule() {
        Set<LocalDate> days = new HashSet<>();
        for (Holiday h : holidays) {
            h.from().datesUntil(h.to().plusDays(1)).forEach(days::add);
        }
        return new HolidaySchedule(year, days, new HashSet<>(makeUpWorkdays));
    }
}
