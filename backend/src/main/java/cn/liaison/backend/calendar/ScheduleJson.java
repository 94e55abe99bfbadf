package cn.liaison.backend.calendar;

import cn.liaison.backend.calendar.PublishedSchedule.Holiday;
import cn.liaison.backend.calendar.ScheduleInvalid.Issue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a year's schedule in the one format used everywhere: the bundled YAML files, the
 * JSON body of the admin API, the YAML upload and the stored versions:
 * {@code {year, holidays: [{name, from, to}], makeUpWorkdays: [date]}}. Parsing collects every
 * problem with its field name instead of stopping at the first.
 */
public final class ScheduleJson {

    static final int MAX_HOLIDAYS = 30;
    static final int MAX_WORKDAYS = 30;
    static final int MAX_NAME = 20;

    private ScheduleJson() {
    }

    /** Checks a schedule for {@code year}: dates in that year, names present, no overlaps, 调休 only on weekends. */
    public static PublishedSchedule parse(int year, Map<?, ?> root) {
        List<Issue> issues = new ArrayList<>();
        if (root == null) {
            throw new ScheduleInvalid(List.of(new Issue("year", "内容为空")));
        }
        Object declared = root.get("year");
        if (declared != null && !String.valueOf(declared).equals(String.valueOf(year))) {
            issues.add(new Issue("year", "应为 " + year + "（与地址中的年份一致），实为 " + declared));
        }
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, String> taken = new HashMap<>();
        List<?> ranges = list(root.get("holidays"), "holidays", MAX_HOLIDAYS, issues);
        if (ranges.isEmpty() && issues.isEmpty()) {
            issues.add(new Issue("holidays", "至少应有一个节假日"));
        }
        for (int i = 0; i < ranges.size(); i++) {
            String field = "holidays[" + i + "]";
            Object item = ranges.get(i) instanceof JsonObject json ? json.getMap() : ranges.get(i);
            if (!(item instanceof Map<?, ?> range)) {
                issues.add(new Issue(field, "应为 {name, from, to}"));
                continue;
            }
            String name = range.get("name") == null ? "" : String.valueOf(range.get("name")).trim();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                issues.add(new Issue(field + ".name", "节日名称必填，最多 " + MAX_NAME + " 个字"));
            }
            LocalDate from = date(range.get("from"), field + ".from", year, issues);
            LocalDate to = date(range.get("to"), field + ".to", year, issues);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                issues.add(new Issue(field + ".to", "结束日期 " + to + " 早于开始日期 " + from));
                continue;
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String other = taken.putIfAbsent(d, name);
                if (other != null) {
                    issues.add(new Issue(field, d + " 已属于「" + other + "」，假期不能重叠"));
                    break;
                }
            }
            holidays.add(new Holiday(name, from, to));
        }
        List<LocalDate> workdays = new ArrayList<>();
        List<?> days = list(root.get("makeUpWorkdays"), "makeUpWorkdays", MAX_WORKDAYS, issues);
        for (int i = 0; i < days.size(); i++) {
            String field = "makeUpWorkdays[" + i + "]";
            LocalDate day = date(days.get(i), field, year, issues);
            if (day == null) {
                continue;
            }
            if (taken.containsKey(day)) {
                issues.add(new Issue(field, day + " 同时是「" + taken.get(day) + "」假期，不能既放假又上班"));
            } else if (!HolidaySchedule.isWeekend(day)) {
                issues.add(new Issue(field, day + " 不是周六或周日，调休上班日只能是周末"));
            } else if (workdays.contains(day)) {
                issues.add(new Issue(field, day + " 重复"));
            } else {
                workdays.add(day);
            }
        }
        if (!issues.isEmpty()) {
            throw new ScheduleInvalid(issues);
        }
        return new PublishedSchedule(year, holidays, workdays);
    }

    public static JsonObject toJson(PublishedSchedule schedule) {
        JsonArray holidays = new JsonArray();
        schedule.holidays().forEach(h -> holidays.add(new JsonObject().put("name", h.name())
                .put("from", h.from().toString()).put("to", h.to().toString())));
        JsonArray workdays = new JsonArray();
        schedule.makeUpWorkdays().forEach(d -> workdays.add(d.toString()));
        return new JsonObject().put("year", schedule.year()).put("holidays", holidays).put("makeUpWorkdays", workdays);
    }

    private static List<?> list(Object value, String field, int max, List<Issue> issues) {
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof JsonArray array ? array.getList() : value instanceof List<?> l ? l : null;
        if (list == null) {
            issues.add(new Issue(field, "应为列表"));
            return List.of();
        }
        if (list.size() > max) {
            issues.add(new Issue(field, "最多 " + max + " 项"));
            return List.of();
        }
        return list;
    }

    private static LocalDate date(Object value, String field, int year, List<Issue> issues) {
        LocalDate day;
        if (value instanceof Date date) {
            // SnakeYAML reads an unquoted 2026-01-01 as a timestamp at UTC midnight.
            day = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else {
            try {
                day = LocalDate.parse(value == null ? "" : String.valueOf(value).trim());
            } catch (DateTimeParseException e) {
                issues.add(new Issue(field, "应为 YYYY-MM-DD 格式的日期"));
                return null;
            }
        }
        if (day.getYear() != year) {
            issues.add(new Issue(field, day + " 不在 " + year + " 年内"));
            return null;
        }
        return day;
    }
}
