package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Lets StoreBench time the per-person figures (谁在办) on their own, over the month's requests it read. */
public final class PerformersTiming {

    private PerformersTiming() {
    }

    public static JsonObject compute(List<JsonObject> docs, Map<String, String> unitNames, WorkingCalendar calendar,
                                     Instant from, Instant to) {
        return Performers.compute(docs, unitNames, calendar, from, to);
    }
}
