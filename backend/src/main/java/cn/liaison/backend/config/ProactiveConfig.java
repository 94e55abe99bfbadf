package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;
import java.util.Map;

/**
 * Service that comes first (跨前服务): when a project counts as out of touch, how far ahead a
 * checklist deadline raises a task, and how many contacts the office may start with one
 * enterprise in a month (无事不扰).
 *
 * @param silenceDays         calendar days without any contact before the liaison is asked to get in touch
 * @param deadlineAheadDays   working days before a checklist item's deadline that raise a task
 * @param contactsPerMonth    check-ins and logged calls the office may start per enterprise and calendar month
 */
public record ProactiveConfig(int silenceDays, int deadlineAheadDays, int contactsPerMonth) {

    static ProactiveConfig from(Map<ConfigKey, String> v) {
        return new ProactiveConfig(number(v, ConfigKey.PROACTIVE_SILENCE_DAYS, 1, 365),
                number(v, ConfigKey.PROACTIVE_DEADLINE_AHEAD_DAYS, 0, 30),
                number(v, ConfigKey.PROACTIVE_CONTACTS_PER_MONTH, 0, 31));
    }

    public static ProactiveConfig defaults() {
        return new ProactiveConfig(30, 2, 2);
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
