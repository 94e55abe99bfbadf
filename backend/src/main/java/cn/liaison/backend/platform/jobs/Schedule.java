package cn.liaison.backend.platform.jobs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When a job runs: every fixed interval, or once a day or once a week at a wall-clock time in a
 * zone (the cron shapes this service needs). {@link #delayFrom} is the wait from a moment to the next run.
 */
public sealed interface Schedule {

    Duration delayFrom(ZonedDateTime now);

    static Schedule every(Duration interval) {
        return new Every(interval);
    }

    /** Once a day at {@code time} in {@code zone} (e.g. 02:00 Asia/Shanghai). */
    static Schedule dailyAt(LocalTime time, ZoneId zone) {
        return new Daily(time, zone);
    }

    /** Once a week on {@code day} at {@code time} in {@code zone} (e.g. Monday 07:30 Asia/Shanghai). */
    static Schedule weeklyAt(DayOfWeek day, LocalTime time, ZoneId zone) {
        return new Weekly(day, time, zone);
    }

    record Every(Duration interval) implements Schedule {
        public Every {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
        }

        @Override
        public Duration delayFrom(ZonedDateTime now) {
            return interval;
        }
    }

    record Daily(LocalTime time, ZoneId zone) implements Schedule {
        public Daily {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Duration delayFrom(ZonedDateTime now) {
            ZonedDateTime local = now.withZoneSameInstant(zone);
            ZonedDateTime next = local.toLocalDate().atTime(time).atZone(zone);
            if (!next.isAfter(local)) {
                next = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
            }
            return Duration.between(local, next);
        }
    }

    record Weekly(DayOfWeek day, LocalTime time, ZoneId zone) implements Schedule {
        public Weekly {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Duration delayFrom(ZonedDateTime now) {
            ZonedDateTime local = now.withZoneSameInstant(zone);
            ZonedDateTime next = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
            if (!next.isAfter(local)) {
                next = local.toLocalDate().with(TemporalAdjusters.next(day)).atTime(time).atZone(zone);
            }
            return Duration.between(local, next);
        }
    }
}
