package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.Published;

import java.time.LocalTime;
import java.util.Objects;

/**
 * 免打扰时段: the part of the day (Asia/Shanghai) in which staff get no messages except escalations.
 * {@code start} may be after {@code end} (21:00-08:00 spans midnight); equal times mean no quiet hours.
 */
@Published
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** {@code HH:mm-HH:mm}, or {@code off}. */
    public static QuietHours parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("off") || value.isEmpty()) {
            return NONE;
        }
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("must look like 21:00-08:00 or off, was '" + value + "'");
        }
        try {
            return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must look like 21:00-08:00 or off, was '" + value + "'");
        }
    }

    public boolean isQuiet(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start.equals(end) ? "off" : start + "-" + end;
    }
}
