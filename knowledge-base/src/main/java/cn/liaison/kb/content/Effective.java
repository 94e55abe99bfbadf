package cn.liaison.kb.content;

import java.time.LocalDate;
import java.util.Objects;

/** The dates an entry is in force; {@code to} is null when open-ended. */
public record Effective(LocalDate from, LocalDate to) {
    public Effective {
        Objects.requireNonNull(from, "effective from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("effective to " + to + " is before from " + from);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
