package cn.liaison.bots.hotline12345;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the platform's messages and writes ours. Field limits are part of the interface
 * (bots/README.md): the codec enforces them so that nothing invalid is ever stored.
 */
public final class WorkOrderCodec {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Order numbers: letters, digits and {@code -_}, as the platform issues them. */
    public static final String ORDER_NO = "[A-Za-z0-9_-]{4,64}";
    /** The request's content (title + content + address) must fit a request. */
    public static final int MAX_CONTENT = 2000;

    private WorkOrderCodec() {
    }

    /** @throws InvalidOrderException naming every field that is missing or wrong */
    public static WorkOrder order(JsonObject json) {
        Map<String, String> errors = new LinkedHashMap<>();
        String orderNo = text(json, "orderNo", true, 64, errors);
        if (orderNo != null && !orderNo.matches(ORDER_NO)) {
            errors.put("orderNo", "工单编号只能包含字母、数字、- 和 _，长度 4 到 64");
        }
        String typeText = text(json, "type", true, 8, errors);
        OrderType type = typeText == null ? null : OrderType.fromWire(typeText).orElse(null);
        if (typeText != null && type == null) {
            errors.put("type", "工单类型应为 咨询、求助、投诉、举报、建议 或 表扬");
        }
        String title = text(json, "title", false, 200, errors);
        String content = text(json, "content", true, MAX_CONTENT, errors);
        String callerName = text(json, "callerName", false, 64, errors);
        String callerPhone = text(json, "callerPhone", false, 32, errors);
        if (callerPhone != null && !callerPhone.replaceAll("[\\s-]", "").matches("\\+?[0-9]{5,20}")) {
            errors.put("callerPhone", "电话号码格式不正确");
        }
        String district = text(json, "district", false, 32, errors);
        String address = text(json, "address", false, 200, errors);
        List<String> codes = codes(json, errors);
        Instant dispatchedAt = time(json, "dispatchedAt", errors);
        Instant deadline = time(json, "deadline", errors);
        if (dispatchedAt != null && deadline != null && !deadline.isAfter(dispatchedAt)) {
            errors.put("deadline", "办结时限应晚于派单时间");
        }
        if (errors.isEmpty()) {
            WorkOrder order = new WorkOrder(orderNo, type, title, content, callerName, callerPhone, district, address,
                    codes, dispatchedAt, deadline);
            if (order.requestContent().length() > MAX_CONTENT) {
                errors.put("content", "标题、内容和地址合计不能超过 " + MAX_CONTENT + " 字");
            } else {
                return order;
            }
        }
        throw new InvalidOrderException(errors);
    }

    /** The platform's follow-up (回访) result. */
    public static FollowUpResult followUp(JsonObject json) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object satisfied = json.getValue("satisfied");
        if (!(satisfied instanceof Boolean)) {
            errors.put("satisfied", "应为 true 或 false");
        }
        String comment = text(json, "comment", false, 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return new FollowUpResult((Boolean) satisfied, comment);
    }

    /** The callback body: {@code {orderNo, event, at, ...details}}; times ISO-8601 with +08:00. */
    public static JsonObject callback(Callback callback) {
        JsonObject out = new JsonObject()
                .put("orderNo", callback.orderNo())
                .put("event", callback.event().name())
                .put("at", OffsetDateTime.ofInstant(callback.at(), ZONE).toString());
        callback.details().forEach(out::put);
        return out;
    }

    private static String text(JsonObject json, String field, boolean required, int max, Map<String, String> errors) {
        Object value = json.getValue(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            if (required) {
                errors.put(field, "必填");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.put(field, "应为字符串");
            return null;
        }
        String stripped = s.strip();
        if (stripped.length() > max) {
            errors.put(field, "不能超过 " + max + " 字");
            return null;
        }
        return stripped;
    }

    private static List<String> codes(JsonObject json, Map<String, String> errors) {
        Object value = json.getValue("categoryCodes");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > 20) {
            errors.put("categoryCodes", "应为字符串数组（最多 20 项）");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object code : array) {
            if (!(code instanceof String s) || s.isBlank() || s.length() > 32) {
                errors.put("categoryCodes", "每项应为 1 到 32 字的字符串");
                return List.of();
            }
            out.add(s.strip());
        }
        return out;
    }

    private static Instant time(JsonObject json, String field, Map<String, String> errors) {
        Object value = json.getValue(field);
        if (!(value instanceof String s) || s.isBlank()) {
            errors.put(field, "必填，ISO-8601 时间，例如 2026-11-23T09:30:00+08:00");
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "应为带时区的 ISO-8601 时间，例如 2026-11-23T09:30:00+08:00");
            return null;
        }
    }
}
