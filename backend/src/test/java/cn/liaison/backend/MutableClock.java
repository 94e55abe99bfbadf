package cn.liaison.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: pass it in {@code StartOptions} and call {@link #advance}
 * instead of sleeping. Copies made with {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneId.of("Asia/Shanghai"));
    }

    /** E.g. {@code MutableClock.at("2026-09-30T10:00:00+08:00")}. */
    public static MutableClock at(String offsetDateTime) {
        return new MutableClock(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }
}
