package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.Published;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * 办公时间: when the office works on a working day, in Asia/Shanghai. A deadline falls at the closing
 * time of its day, and elapsed working time only counts minutes inside these hours.
 */
@Published
public record OfficeHours(LocalTime opens, LocalTime closes) {

    public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 30));

    public OfficeHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
        }
    }

    /** Parses {@code HH:mm-HH:mm}, e.g. {@code 09:00-17:30}. */
    public static OfficeHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, was '" + text + "'");
        }
        try {
            return new OfficeHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, was '" + text + "'");
        }
    }

    public long minutesPerDay() {
        return Duration.between(opens, closes).toMinutes();
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
