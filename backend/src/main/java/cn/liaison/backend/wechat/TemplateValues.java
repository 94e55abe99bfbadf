package cn.liaison.backend.wechat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * WeChat's limits on subscribe-message values, by the key's type prefix: thing ≤ 20 characters,
 * phrase ≤ 5 (Chinese only, no digits), character_string ≤ 32 (ASCII letters, digits, symbols),
 * time as "yyyy-MM-dd HH:mm", number ≤ 32 digits. A value outside its limits makes WeChat reject
 * the whole message (47003), so values are cut or cleaned here.
 */
final class TemplateValues {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private TemplateValues() {
    }

    static String fit(String key, String value) {
        String v = value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").strip();
        String type = key.replaceAll("[0-9]+$", "");
        return switch (type) {
            case "thing" -> cut(v.isEmpty() ? "无" : v, 20);
            case "phrase" -> hardCut(v.replaceAll("[^\\p{IsHan}]", ""), 5);
            case "character_string" -> hardCut(v.replaceAll("[^\\x21-\\x7e]", ""), 32);
            case "number" -> hardCut(v.replaceAll("[^0-9.]", ""), 32);
            case "name" -> cut(v, 10);
            default -> cut(v, 20);
        };
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    private static String hardCut(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static String cut(String v, int max) {
        if (v.codePointCount(0, v.length()) <= max) {
            return v;
        }
        int end = v.offsetByCodePoints(0, max - 1);
        return v.substring(0, end) + "…";
    }
}
