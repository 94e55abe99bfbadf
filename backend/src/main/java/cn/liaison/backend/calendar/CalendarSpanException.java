package cn.liaison.backend.calendar;

import java.time.LocalDate;

/** A calendar computation asked to walk further than {@link WorkingCalendar#MAX_SPAN_DAYS}. */
public final class CalendarSpanException extends IllegalArgumentException {

    public CalendarSpanException(LocalDate from, LocalDate to) {
        super("calendar computation from " + from + " to " + to + " spans more than "
                + WorkingCalendar.MAX_SPAN_DAYS + " days");
    }
}
