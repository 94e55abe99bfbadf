package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.Published;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 工作日历: which days the office works (weekends and public holidays off, make-up workdays on)
 * and the time limits (限时办结) measured on it, in Asia/Shanghai.
 *
 * <p><b>The deadline rule.</b> A time limit of N working days for something that arrives on day D
 * ends at the closing time of office hours on the Nth working day after D. Only the date of
 * arrival matters, not the hour: a request at 08:00 and one at 23:00 on the same working day have
 * the same deadline. Something that arrives on a non-working day is treated as arriving on the
 * next working day: a request on Saturday with 1 working day is due at Tuesday's closing time,
 * exactly like one that arrives on Monday. N = 0 means closing time on the (effective) day of
 * arrival.
 *
 * <p>Years come from the schedules a city admin loaded ({@link #replaceSchedules}, from MongoDB) and,
 * before that, from {@code calendar/<year>.yaml}; a year without a schedule has weekends only, and
 * {@link #knowsHolidaysOf} / {@link #completeBetween} say so, so callers can flag what they computed.
 *
 * <p><b>Bounds.</b> No computation walks more than {@value #MAX_SPAN_DAYS} days (about ten years):
 * beyond that it throws {@link CalendarSpanException} instead of holding the thread. HTTP inputs are
 * checked against {@link DateWindow} before they get here.
 */
@Published
public final class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

    /** The longest stretch any single computation may walk, in days. */
    public static final int MAX_SPAN_DAYS = 3660;

    private final OfficeHours hours;
    private final IntFunction<Optional<HolidaySchedule>> source;
    private final Map<Integer, Optional<HolidaySchedule>> bundled = new ConcurrentHashMap<>();
    /** Latest loaded version per year; wins over the bundled files. Replaced whole, never mutated. */
    private volatile Map<Integer, HolidaySchedule> loaded = Map.of();

    public WorkingCalendar(OfficeHours hours, IntFunction<Optional<HolidaySchedule>> source) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The calendar with the holiday files shipped in the application. */
    public static WorkingCalendar fromResources(OfficeHours hours) {
        return new WorkingCalendar(hours, HolidayFiles::load);
    }

    public OfficeHours officeHours() {
        return hours;
    }

    /** Makes these schedules (the latest version of each year) the ones that apply, at once. */
    public void replaceSchedules(Map<Integer, HolidaySchedule> latest) {
        loaded = Map.copyOf(latest);
    }

    /** Whether the year has a published holiday schedule (otherwise only weekends are off). */
    public boolean knowsHolidaysOf(int year) {
        return loaded.containsKey(year) || bundled(year).isPresent();
    }

    /** Whether every year from {@code a} to {@code b} (either order) has a schedule. */
    public boolean completeBetween(LocalDate a, LocalDate b) {
        int first = Math.min(a.getYear(), b.getYear());
        int last = Math.max(a.getYear(), b.getYear());
        if (last - first > MAX_SPAN_DAYS / 365) {
            return false;
        }
        for (int year = first; year <= last; year++) {
            if (!knowsHolidaysOf(year)) {
                return false;
            }
        }
        return true;
    }

    public boolean isWorkingDay(LocalDate day) {
        return schedule(day.getYear()).isWorkingDay(day);
    }

    /** The Nth working day after {@code from} ({@code from} itself never counts); N = 0 gives {@code from}. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            checkSpan(from, day);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code day} when it is a working day, otherwise the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
            checkSpan(day, d);
        }
        return d;
    }

    /** Closing time of the Nth working day after the start's (effective) date; see the class comment. */
    public ZonedDateTime deadline(Instant start, int workingDays) {
        LocalDate arrival = workingDayOnOrAfter(start.atZone(ZONE).toLocalDate());
        return addWorkingDays(arrival, workingDays).atTime(hours.closes()).atZone(ZONE);
    }

    /**
     * Working days d with {@code a < d <= b}, so that {@code workingDaysBetween(a, addWorkingDays(a, n)) == n};
     * negative when {@code b} is before {@code a}.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        checkSpan(a, b);
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Time inside office hours on working days between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(ZONE).toLocalDate();
        checkSpan(from.atZone(ZONE).toLocalDate(), last);
        for (LocalDate d = from.atZone(ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            Instant opens = d.atTime(hours.opens()).atZone(ZONE).toInstant();
            Instant closes = d.atTime(hours.closes()).atZone(ZONE).toInstant();
            Instant begin = from.isAfter(opens) ? from : opens;
            Instant end = to.isBefore(closes) ? to : closes;
            if (end.isAfter(begin)) {
                total = total.plus(Duration.between(begin, end));
            }
        }
        return total;
    }

    /**
     * How much of a time limit has been used, in working time (office-hours minutes on working
     * days): 0 at the start, 0.5 half way, 1 at the deadline and more after it. Nights, weekends and
     * holidays do not advance it, so a 50% or 80% reminder never fires on a Sunday for a clock that
     * did not run. A limit with no working time in it is 0 before the deadline and 1 from it.
     */
    public double elapsedFraction(Instant start, ZonedDateTime deadline, Instant now) {
        long total = workingTimeBetween(start, deadline.toInstant()).toSeconds();
        if (total <= 0) {
            return now.isBefore(deadline.toInstant()) ? 0.0 : 1.0;
        }
        return (double) workingTimeBetween(start, now).toSeconds() / total;
    }

    private static void checkSpan(LocalDate from, LocalDate to) {
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > MAX_SPAN_DAYS) {
            throw new CalendarSpanException(from, to);
        }
    }

    private HolidaySchedule schedule(int year) {
        HolidaySchedule latest = loaded.get(year);
        if (latest != null) {
            return latest;
        }
        return bundled(year).orElseGet(() -> HolidaySchedule.weekendsOnly(year));
    }

    private Optional<HolidaySchedule> bundled(int year) {
        return bundled.computeIfAbsent(year, y -> {
            Optional<HolidaySchedule> found = source.apply(y);
            if (found.isEmpty() && !DateWindow.containsYear(y)) {
                return found;
            }
            if (found.isEmpty()) {
                LOG.warn("No holiday schedule for {}: only weekends count as days off until a city admin loads "
                        + "the State Council's notice for that year (PUT /api/v1/calendar/years/{})", y, y);
            }
            return found;
        });
    }
}
