package cn.liaison.backend.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeadlineWordsTest {

    private final DeadlineWords words = new DeadlineWords(WorkingCalendar.fromResources(OfficeHours.DEFAULT));

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void countsWorkingDaysLeftSkippingTheWeekend() {
        // Friday morning; due the next Monday: one working day left.
        DeadlineWords.Words w = words.describe(at("2026-11-30T17:30:00+08:00"), at("2026-11-27T10:00:00+08:00"));
        assertEquals("还剩 1 个工作日（11月30日 17:30 前）", w.text());
        assertEquals(DeadlineWords.Urgency.DUE_SOON, w.urgency());
        assertEquals(DeadlineWords.Urgency.NORMAL,
                words.describe(at("2026-12-02T17:30:00+08:00"), at("2026-11-27T10:00:00+08:00")).urgency());
    }

    @Test
    void skipsTheNationalDayHolidays() {
        // 2026-09-30 (Wed) → 2026-10-08 (Thu, the first workday after the 1-7 October holidays): 1 working day.
        assertEquals(1, words.describe(at("2026-10-08T17:30:00+08:00"), at("2026-09-30T10:00:00+08:00")).workingDaysLeft());
    }

    @Test
    void todayAndOverdue() {
        assertEquals("今天 17:30 前到期", words.describe(at("2026-11-23T17:30:00+08:00"), at("2026-11-23T09:00:00+08:00")).text());
        DeadlineWords.Words late = words.describe(at("2026-11-23T17:30:00+08:00"), at("2026-11-25T09:00:00+08:00"));
        assertEquals("已超期 2 个工作日（11月23日 17:30 到期）", late.text());
        assertEquals(DeadlineWords.Urgency.OVERDUE, late.urgency());
        assertEquals("已超期 3 小时（11月23日 17:30 到期）",
                words.describe(at("2026-11-23T17:30:00+08:00"), at("2026-11-23T20:45:00+08:00")).text());
    }
}
