package cn.liaison.backend.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.fromResources(OfficeHours.DEFAULT);

    @Test
    void threeWorkingDaysAfterSeptember30IsTheMakeUpSaturdayOctober10() {
        // Oct 1-7 holiday; Oct 8 Thu (1), Oct 9 Fri (2), Oct 10 Sat make-up workday (3)
        assertEquals(LocalDate.parse("2026-10-10"), calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 3));
        assertEquals(LocalDate.parse("2026-10-12"), calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 4));
    }

    @Test
    void springFestivalIsSkippedAndItsMakeUpSaturdaysCount() {
        // Feb 14 Sat make-up workday, Feb 15-23 holiday, Feb 24 Tue back at work
        assertEquals(LocalDate.parse("2026-02-14"), calendar.addWorkingDays(LocalDate.parse("2026-02-13"), 1));
        assertEquals(LocalDate.parse("2026-02-24"), calendar.addWorkingDays(LocalDate.parse("2026-02-13"), 2));
        assertEquals(LocalDate.parse("2026-02-28"), calendar.addWorkingDays(LocalDate.parse("2026-02-27"), 1));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-02-17")));
    }

    @Test
    void weekendsAreSkipped() {
        assertEquals(LocalDate.parse("2026-03-09"), calendar.addWorkingDays(LocalDate.parse("2026-03-06"), 1));
        assertEquals(LocalDate.parse("2026-03-09"), calendar.addWorkingDays(LocalDate.parse("2026-03-07"), 1));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-03-07")));
    }

    @Test
    void addingZeroDaysChangesNothing() {
        assertEquals(LocalDate.parse("2026-03-07"), calendar.addWorkingDays(LocalDate.parse("2026-03-07"), 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(LocalDate.parse("2026-03-07"), -1));
    }

    @Test
    void everyPublishedMakeUpDayIsAWorkingWeekendDay() {
        for (String day : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}) {
            assertTrue(calendar.isWorkingDay(LocalDate.parse(day)), day);
        }
        for (String day : new String[] {"2026-01-01", "2026-01-02", "2026-04-06", "2026-05-05", "2026-06-19",
                "2026-09-25", "2026-10-07", "2025-01-28", "2025-10-08", "2025-06-02"}) {
            assertFalse(calendar.isWorkingDay(LocalDate.parse(day)), day);
        }
    }

    @Test
    void holidayFilesHoldTheWholeNotice() {
        HolidaySchedule y2026 = HolidayFiles.load(2026).orElseThrow();
        HolidaySchedule y2025 = HolidayFiles.load(2025).orElseThrow();

        assertEquals(3 + 9 + 3 + 5 + 3 + 3 + 7, y2026.holidays().size());
        assertEquals(6, y2026.makeUpWorkdays().size());
        assertEquals(1 + 8 + 3 + 5 + 3 + 8, y2025.holidays().size());
        assertEquals(5, y2025.makeUpWorkdays().size());
        assertTrue(calendar.knowsHolidaysOf(2026));
    }

    @Test
    void yearWithoutAScheduleHasWeekendsOnly() {
        WorkingCalendar unknown = new WorkingCalendar(OfficeHours.DEFAULT, year -> Optional.empty());

        assertTrue(unknown.isWorkingDay(LocalDate.parse("2026-10-01")));
        assertEquals(LocalDate.parse("2026-10-05"), unknown.addWorkingDays(LocalDate.parse("2026-10-02"), 1));
        assertFalse(unknown.knowsHolidaysOf(2026));
    }

    @Test
    void makeUpWorkdayOnAWeekdayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HolidayFiles.parse(2026,
                Map.of("year", 2026, "makeUpWorkdays", java.util.List.of("2026-03-09"))));
        assertTrue(e.getMessage().contains("2026-03-09"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HolidaySchedule(2026,
                Set.of(LocalDate.parse("2025-12-31")), Set.of()));
    }

    @Test
    void deadlineEndsAtClosingTimeOfTheNthWorkingDay() {
        assertEquals(at("2026-10-10T17:30+08:00"), calendar.deadline(instant("2026-09-30T10:00+08:00"), 3));
        assertEquals(at("2026-03-09T17:30+08:00"), calendar.deadline(instant("2026-03-09T10:00+08:00"), 0));
        assertEquals(at("2026-03-10T17:30+08:00"), calendar.deadline(instant("2026-03-09T23:00+08:00"), 1));
    }

    @Test
    void arrivalOnANonWorkingDayCountsFromTheNextWorkingDay() {
        // Saturday → as if Monday: 1 working day ends Tuesday
        assertEquals(at("2026-03-10T17:30+08:00"), calendar.deadline(instant("2026-03-07T11:00+08:00"), 1));
        // 04:00 Saturday in Shanghai is still Friday in UTC: the office's date decides
        assertEquals(at("2026-03-10T17:30+08:00"), calendar.deadline(instant("2026-03-06T20:00:00Z"), 1));
        // National Day holiday → as if Thursday Oct 8
        assertEquals(at("2026-10-09T17:30+08:00"), calendar.deadline(instant("2026-10-03T09:00+08:00"), 1));
    }

    @Test
    void workingDaysBetweenCountsWorkingDaysAfterTheFirstUpToTheSecond() {
        assertEquals(3, calendar.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-10")));
        assertEquals(-3, calendar.workingDaysBetween(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-09-30")));
        assertEquals(2, calendar.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-24")));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-09")));
    }

    @Test
    void elapsedFractionCountsOnlyOfficeHoursOnWorkingDays() {
        Instant start = instant("2026-03-09T09:00+08:00");
        ZonedDateTime deadline = calendar.deadline(start, 1); // Tue 17:30: two office days of 510 min

        assertEquals(0.0, calendar.elapsedFraction(start, deadline, instant("2026-03-09T08:00+08:00")));
        assertEquals(0.5, calendar.elapsedFraction(start, deadline, instant("2026-03-09T17:30+08:00")), 1e-9);
        assertEquals(0.5, calendar.elapsedFraction(start, deadline, instant("2026-03-09T23:00+08:00")), 1e-9);
        assertEquals(0.8, calendar.elapsedFraction(start, deadline, instant("2026-03-10T14:06+08:00")), 1e-9);
        assertEquals(1.0, calendar.elapsedFraction(start, deadline, instant("2026-03-10T17:30+08:00")), 1e-9);
        assertTrue(calendar.elapsedFraction(start, deadline, instant("2026-03-11T12:00+08:00")) > 1.0);
    }

    @Test
    void elapsedFractionStandsStillOverHolidaysAndStartsAtOpeningTime() {
        Instant start = instant("2026-09-30T09:00+08:00");
        ZonedDateTime deadline = calendar.deadline(start, 3); // Sep 30, Oct 8, 9, 10: 4 × 510 min

        assertEquals(0.25, calendar.elapsedFraction(start, deadline, instant("2026-10-05T12:00+08:00")), 1e-9);

        Instant evening = instant("2026-03-09T20:00+08:00");
        ZonedDateTime due = calendar.deadline(evening, 1); // only Tuesday's office hours count
        assertEquals(0.5, calendar.elapsedFraction(evening, due, instant("2026-03-10T13:15+08:00")), 1e-9);
    }

    @Test
    void officeHoursParseAndRejectNonsense() {
        assertEquals(OfficeHours.DEFAULT, OfficeHours.parse("09:00-17:30"));
        assertEquals(510, OfficeHours.DEFAULT.minutesPerDay());
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("17:30-09:00"));
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("9-5"));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static ZonedDateTime at(String text) {
        return OffsetDateTime.parse(text).atZoneSameInstant(WorkingCalendar.ZONE);
    }
}
