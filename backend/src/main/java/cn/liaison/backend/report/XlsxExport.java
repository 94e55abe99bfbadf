package cn.liaison.backend.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The monthly summary as an XLSX workbook: one sheet of figures per unit, one of counts by channel, type and category. */
final class XlsxExport {

    /** Column title → field of a row ({@code a.b} reads a nested field). */
    private static final String[][] COLUMNS = {
            {"单位", "unitName"}, {"层级", "level"}, {"受理诉求", "received"}, {"已签收", "signedFor"},
            {"按时签收", "signedOnTime"}, {"按时签收率", "signOnTimeRate"}, {"办结", "completed"},
            {"按时办结", "completedOnTime"}, {"按时办结率", "onTimeRate"}, {"平均办结工作日", "avgWorkingDaysToComplete"},
            {"超期", "overdue"}, {"升级督办", "escalated"}, {"评价数", "rated"}, {"非常满意", "ratings.VERY_SATISFIED"},
            {"满意", "ratings.SATISFIED"}, {"基本满意", "ratings.BASICALLY_SATISFIED"}, {"不满意", "ratings.DISSATISFIED"},
            {"非常不满意", "ratings.VERY_DISSATISFIED"}, {"满意率", "satisfactionRate"}, {"差评", "badRatings"},
            {"差评整改", "reworkOpened"}, {"已整改", "rectified"}, {"小程序直接答复率", "directAnswer.MINIPROGRAM.rate"},
            {"热线直接答复率", "directAnswer.HOTLINE.rate"}, {"政策免申即享", "policyMatchesApplied"},
            {"现场服务", "siteVisits"}, {"服务重点项目", "majorProjectsServed"}};

    private XlsxExport() {
    }

    static byte[] write(JsonObject report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "liaison", "1.0");
            List<JsonObject> rows = new ArrayList<>();
            report.getJsonArray("rows", new JsonArray()).forEach(r -> rows.add((JsonObject) r));
            rows.add(report.getJsonObject("total"));
            Worksheet summary = wb.newWorksheet("每月汇总 " + report.getString("month"));
            for (int c = 0; c < COLUMNS.length; c++) {
                summary.value(0, c, COLUMNS[c][0]);
                summary.style(0, c).bold().fillColor("F2DCDB").set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    Object value = read(rows.get(r), COLUMNS[c][1]);
                    if (value instanceof Number n) {
                        summary.value(r + 1, c, n);
                        if (COLUMNS[c][1].toLowerCase().contains("rate")) {
                            summary.style(r + 1, c).format("0.0%").set();
                        }
                    } else if (value != null) {
                        summary.value(r + 1, c, String.valueOf(value));
                    }
                }
            }
            summary.freezePane(1, 1);
            Worksheet counts = wb.newWorksheet("分类统计");
            counts.value(0, 0, "单位");
            counts.value(0, 1, "维度");
            counts.value(0, 2, "取值");
            counts.value(0, 3, "数量");
            int line = 1;
            for (JsonObject row : rows) {
                for (String dimension : new String[] {"byChannel", "byType", "byCategory"}) {
                    JsonObject values = row.getJsonObject(dimension, new JsonObject());
                    for (String key : new TreeSet<>(values.fieldNames())) {
                        counts.value(line, 0, row.getString("unitName"));
                        counts.value(line, 1, Map.of("byChannel", "渠道", "byType", "类型", "byCategory", "事项").get(dimension));
                        counts.value(line, 2, key);
                        counts.value(line, 3, values.getLong(key));
                        line++;
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object read(JsonObject row, String path) {
        Object current = row;
        for (String part : path.split("\\.")) {
            if (!(current instanceof JsonObject json)) {
                return null;
            }
            current = json.getValue(part);
        }
        return current;
    }
}
