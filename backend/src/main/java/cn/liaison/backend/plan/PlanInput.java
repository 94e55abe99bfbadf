package cn.liaison.backend.plan;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and checks what staff send for a plan (the contract bounds sizes; this checks meaning). */
final class PlanInput {

    static final int MAX_STEPS = 30;
    static final int MAX_DAYS = 250;

    private final WorkingCalendar calendar;

    PlanInput(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    static String text(JsonObject body, String field, boolean required, int max) {
        String value = body.getString(field);
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                throw PlanProblem.invalid(field, "请填写" + label(field));
            }
            return null;
        }
        if (value.length() > max) {
            throw PlanProblem.invalid(field, label(field) + "不超过 " + max + " 字");
        }
        return value;
    }

    static List<String> texts(JsonArray array, String field, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        if (array.size() > maxItems) {
            throw PlanProblem.invalid(field, "最多 " + maxItems + " 项");
        }
        for (Object item : array) {
            String text = item instanceof String s ? s.strip() : "";
            if (text.isEmpty() || text.length() > maxLength) {
                throw PlanProblem.invalid(field, "每项不能为空，且不超过 " + maxLength + " 字");
            }
            out.add(text);
        }
        return out;
    }

    /**
     * A step as stored, its owner still to be named: {@code dueOn} (a date) or {@code workingDays}
     * from now; the deadline is the office's closing time of that working day.
     */
    JsonObject step(JsonObject in, String field, Instant now) {
        String title = text(in, "title", true, 200);
        String ownerId = text(in, "ownerId", true, 64);
        Integer days = in.getInteger("workingDays");
        String dueText = in.getString("dueOn");
        if ((days == null) == (dueText == null)) {
            throw PlanProblem.invalid(field, "请填写期限：dueOn（日期）或 workingDays（工作日数）二选一");
        }
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        if (dueText != null) {
            LocalDate due;
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                throw PlanProblem.invalid(field + ".dueOn", "日期格式应为 YYYY-MM-DD");
            }
            if (due.isBefore(today) || due.isAfter(today.plusDays(MAX_DAYS * 2L)) || !calendar.isWorkingDay(due)) {
                throw PlanProblem.invalid(field + ".dueOn", "期限应为今天起一年内的工作日");
            }
            days = calendar.workingDaysBetween(today, due);
        }
        if (days < 0 || days > MAX_DAYS) {
            throw PlanProblem.invalid(field + ".workingDays", "期限应在 0 到 " + MAX_DAYS + " 个工作日之间");
        }
        Instant dueAt = calendar.deadline(now, days).toInstant();
        return new JsonObject().put("id", UUID.randomUUID().toString().substring(0, 8)).put("title", title)
                .put("ownerId", ownerId).put("state", StepState.OPEN.name()).put("workingDays", days)
                .put("startAt", MongoDocs.date(now)).put("dueAt", MongoDocs.date(dueAt))
                .put("dueOn", dueAt.atZone(WorkingCalendar.ZONE).toLocalDate().toString());
    }

    static String label(String field) {
        return switch (field) {
            case "title" -> "标题";
            case "goal" -> "服务目标";
            case "ownerId" -> "责任人";
            case "place" -> "地点";
            case "actions" -> "现场办理情况";
            case "note" -> "说明";
            default -> field;
        };
    }
}
