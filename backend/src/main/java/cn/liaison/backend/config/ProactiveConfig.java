package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service that comes first (跨前服务): when a project counts as out of touch, how far ahead a
 * checklist deadline raises a task, and how many contacts the office may start with one
 * enterprise in a month (无事不扰).
 *
 * @param silenceDays         calendar days without any contact before the liaison is asked to get in touch
 * @param deadlineAheadDays   working days before a checklist item's deadline that raise a task
 * @param contactsPerMonth    check-ins and logged calls the office may start per enterprise and calendar month
 * @param scanAt              the daily scan's time of day (Asia/Shanghai), when {@code scanEvery} is empty
 * @param scanEvery           a scan every interval instead of once a day (an office that wants several
 *                            passes; the shipped-jar acceptance suite, which cannot wait for 09:30)
 */
public record ProactiveConfig(int silenceDays, int deadlineAheadDays, int contactsPerMonth, LocalTime scanAt,
                              Optional<Duration> scanEvery) {

    private static final Pattern EVERY = Pattern.compile("every\\s+([0-9]{1,5})\\s*([sm])");

    static ProactiveConfig from(Map<ConfigKey, String> v) {
        String at = v.get(ConfigKey.PROACTIVE_SCAN_AT).trim().toLowerCase(java.util.Locale.ROOT);
        Matcher every = EVERY.matcher(at);
        Optional<Duration> interval = Optional.empty();
        LocalTime time = LocalTime.of(9, 30);
        if (every.matches()) {
            long n = Long.parseLong(every.group(1));
            interval = Optional.of(every.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n));
            if (interval.get().isZero()) {
                throw new ConfigException(ConfigKey.PROACTIVE_SCAN_AT.name(), "an interval must be at least 1 second");
            }
        } else {
            try {
                time = LocalTime.parse(at);
            } catch (DateTimeParseException e) {
                throw new ConfigException(ConfigKey.PROACTIVE_SCAN_AT.name(), "must be HH:mm (e.g. 09:30) or 'every 30s' / 'every 15m', was '"
                        + at + "'");
            }
        }
        return new ProactiveConfig(number(v, ConfigKey.PROACTIVE_SILENCE_DAYS, 1, 365),
                number(v, ConfigKey.PROACTIVE_DEADLINE_AHEAD_DAYS, 0, 30),
                number(v, ConfigKey.PROACTIVE_CONTACTS_PER_MONTH, 0, 31), time, interval);
    }

    public static ProactiveConfig defaults() {
        return new ProactiveConfig(30, 2, 2, LocalTime.of(9, 30), Optional.empty());
    }

    private static int number(Map<ConfigKey, String> v, ConfigKey key, int min, int max) {
        String text = v.get(key).trim();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(key.name(), "must be a whole number, was '" + text + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(key.name(), "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
