package cn.liaison.backend.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Which years the calendar is missing, in words for people: this year at any time, and next year from
 * 1 December on (the State Council usually publishes the next year's notice in November, and time
 * limits started in December already reach into January).
 */
public final class CalendarCoverage {

    private final WorkingCalendar calendar;
    private final Clock clock;

    public CalendarCoverage(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Years that should have a schedule by now and do not. */
    public List<Integer> missingYears() {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        List<Integer> missing = new ArrayList<>();
        if (!calendar.knowsHolidaysOf(today.getYear())) {
            missing.add(today.getYear());
        }
        if (today.getMonth() == Month.DECEMBER && !calendar.knowsHolidaysOf(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        return missing;
    }

    public List<String> warnings() {
        return missingYears().stream().map(year -> year + " 年法定节假日安排（含调休上班日）尚未导入：涉及该年的期限暂按周一至周五计算。"
                + "请城市管理员在国务院办公厅发布通知后导入（PUT /api/v1/calendar/years/" + year + "）").toList();
    }
}
