package cn.liaison.backend.report;

import cn.liaison.backend.platform.store.StoredValues;
import cn.liaison.backend.org.UnitLevel;
import cn.liaison.backend.request.Channel;
import cn.liaison.bots.domain.RequestType;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/** The words a person reads in the exported report for the codes the report is computed with. */
final class ReportLabels {

    private ReportLabels() {
    }

    static String level(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "TOTAL" -> "合计";
            case "UNPLACED" -> "未定";
            default -> Arrays.stream(UnitLevel.values()).filter(l -> l.name().equals(level)).findFirst()
                    .map(UnitLevel::label).orElse(level);
        };
    }

    /** A value of a counted dimension (channel, type or knowledge-base topic) as a person reads it. */
    static String value(String dimension, String key, JsonObject categoryTitles) {
        if ("UNKNOWN".equals(key)) {
            return "byCategory".equals(dimension) ? "未分类" : "未知";
        }
        return switch (dimension) {
            case "byChannel" -> Channel.fromWire(key).map(Channel::label).orElse(StoredValues.unknownLabel(key));
            case "byType" -> Arrays.stream(RequestType.values()).filter(t -> t.name().equals(key)).findFirst()
                    .map(RequestType::label).orElse(StoredValues.unknownLabel(key));
            default -> categoryTitles.getString(key, key);
        };
    }
}
