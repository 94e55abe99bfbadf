package cn.liaison.backend.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Missing years by the injected clock, and the calendar's own bound on how far it walks. */
class CalendarCoverageTest {

    private final WorkingCalendar bundled = WorkingCalendar.fromResources(OfficeHours.DEFAULT);

    @Test
    void nextYearIsMissingOnlyFromFirstDecember() {
        assertEquals(List.of(), coverage("2026-11-30T23:59:00+08:00").missingYears());
        assertEquals(List.of(2027), coverage("2026-12-01T00:00:00+08:00").missingYears());
        assertTrue(coverage("2026-12-01T00:00:00+08:00").warnings().get(0).startsWith("2027 年法定节假日安排"));
        assertEquals(List.of(2027), coverage("2027-03-01T09:00:00+08:00").missingYears(), "this year missing at any time");
    }

    @Test
    void loadingAYearCompletesIt() {
        bundled.replaceSchedules(Map.of(2027, new HolidaySchedule(2027, java.util.Set.of(LocalDate.parse("2027-01-01")),
                java.util.Set.of())));

        assertEquals(List.of(), coverage("2026-12-01T00:00:00+08:00").missingYears());
        assertTrue(bundled.completeBetween(LocalDate.parse("2026-12-20"), LocalDate.parse("2027-01-10")));
        assertFalse(bundled.isWorkingDay(LocalDate.parse("2027-01-01")));
    }

    @Test
    void noComputationWalksMoreThanTenYears() {
        WorkingCalendar calendar = new WorkingCalendar(OfficeHours.DEFAULT, year -> Optional.empty());
        LocalDate from = LocalDate.parse("2026-01-01");

        assertThrows(CalendarSpanException.class, () -> calendar.workingDaysBetween(from, LocalDate.MAX));
        assertThrows(CalendarSpanException.class, () -> calendar.workingDaysBetween(LocalDate.MIN, from));
        assertThrows(CalendarSpanException.class, () -> calendar.addWorkingDays(from, Integer.MAX_VALUE));
        assertThrows(CalendarSpanException.class, () -> calendar.workingTimeBetween(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2099-01-01T00:00:00Z")));
        assertEquals(521, calendar.workingDaysBetween(from, LocalDate.parse("2027-12-31")), "two years are fine");
        assertFalse(calendar.completeBetween(from, LocalDate.MAX));
    }

    private CalendarCoverage coverage(String at) {
        return new CalendarCoverage(bundled, Clock.fixed(java.time.OffsetDateTime.parse(at).toInstant(), WorkingCalendar.ZONE));
    }
}
