package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.Published;

import io.vertx.core.json.JsonObject;

/** The flag every JSON response adds to a deadline computed across a year with no holiday schedule. */
@Published
public final class CalendarNotes {

    public static final String NOTE = "所跨年份的法定节假日安排尚未导入，期限暂按周一至周五计算，可能不准确";

    private CalendarNotes() {
    }

    /** Adds {@code calendarIncomplete: true} and a note in Chinese when {@code complete} is false. */
    public static JsonObject flag(JsonObject json, boolean complete) {
        return complete ? json : json.put("calendarIncomplete", true).put("calendarNote", NOTE);
    }
}
