package cn.liaison.backend.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void dailyRunsAtTheNextWallClockTime() {
        Schedule daily = Schedule.dailyAt(LocalTime.of(2, 0), SHANGHAI);
        assertEquals(Duration.ofHours(1), daily.delayFrom(ZonedDateTime.parse("2026-11-25T01:00:00+08:00[Asia/Shanghai]")));
        assertEquals(Duration.ofHours(24), daily.delayFrom(ZonedDateTime.parse("2026-11-25T02:00:00+08:00[Asia/Shanghai]")));
    }

    @Test
    void weeklyRunsOnItsDayInItsZone() {
        Schedule monday = Schedule.weeklyAt(DayOfWeek.MONDAY, LocalTime.of(7, 30), SHANGHAI);
        // Wednesday 2026-11-25 10:00 Shanghai → Monday 2026-11-30 07:30: 4 days 21.5 hours.
        assertEquals(Duration.ofDays(4).plusHours(21).plusMinutes(30),
                monday.delayFrom(ZonedDateTime.parse("2026-11-25T10:00:00+08:00[Asia/Shanghai]")));
        // Monday before the time: later the same day; at or after it: next Monday.
        assertEquals(Duration.ofMinutes(30), monday.delayFrom(ZonedDateTime.parse("2026-11-30T07:00:00+08:00[Asia/Shanghai]")));
        assertEquals(Duration.ofDays(7), monday.delayFrom(ZonedDateTime.parse("2026-11-30T07:30:00+08:00[Asia/Shanghai]")));
        // The zone decides the day: Sunday 23:45 UTC is already Monday 07:45 in Shanghai.
        assertEquals(Duration.ofDays(7).minusMinutes(15),
                monday.delayFrom(ZonedDateTime.parse("2026-11-29T23:45:00Z")));
    }
}
