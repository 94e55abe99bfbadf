package cn.liaison.backend.report;

import cn.liaison.backend.inspection.InspectionFigures;
import cn.liaison.bots.domain.RatingLevel;

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

    /** How a column's figures are shown: chosen by what the column means, never by its name. */
    private enum Kind { TEXT, COUNT, RATE, DAYS }

    /** A column: its title, the field of a row ({@code a.b} reads a nested field) and what it holds. */
    private record Column(String title, String path, Kind kind) {
    }

    private static final Column[] COLUMNS = {
            new Column("单位", "unitName", Kind.TEXT), new Column("层级", "level", Kind.TEXT),
            new Column("受理诉求", "received", Kind.COUNT), new Column("已签收", "signedFor", Kind.COUNT),
            new Column("按时签收", "signedOnTime", Kind.COUNT), new Column("按时签收率", "signOnTimeRate", Kind.RATE),
            new Column("办结", "completed", Kind.COUNT), new Column("按时办结", "completedOnTime", Kind.COUNT),
            new Column("按时办结率", "onTimeRate", Kind.RATE), new Column("平均办结工作日", "avgWorkingDaysToComplete", Kind.DAYS),
            new Column("超期", "overdue", Kind.COUNT), new Column("升级督办", "escalated", Kind.COUNT),
            new Column("评价数", "rated", Kind.COUNT), rating(RatingLevel.VERY_SATISFIED), rating(RatingLevel.SATISFIED),
            rating(RatingLevel.BASICALLY_SATISFIED), rating(RatingLevel.DISSATISFIED), rating(RatingLevel.VERY_DISSATISFIED),
            new Column("满意率", "satisfactionRate", Kind.RATE), new Column("差评", "badRatings", Kind.COUNT),
            new Column("差评整改", "reworkOpened", Kind.COUNT), new Column("已整改", "rectified", Kind.COUNT),
            new Column("企业催办", "urges", Kind.COUNT),
            new Column("小程序直接答复率", "directAnswer.MINIPROGRAM.rate", Kind.RATE),
            new Column("热线直接答复率", "directAnswer.HOTLINE.rate", Kind.RATE),
            new Column("政策免申即享", "policyMatchesApplied", Kind.COUNT), new Column("现场服务", "siteVisits", Kind.COUNT),
            new Column("服务重点项目", "majorProjectsServed", Kind.COUNT)};

    private static final Column[] PEOPLE = {
            new Column("名称", "name", Kind.TEXT), new Column("受理诉求", "received", Kind.COUNT),
            new Column("已签收", "signedFor", Kind.COUNT), new Column("按时签收率", "signOnTimeRate", Kind.RATE),
            new Column("办结", "completed", Kind.COUNT), new Column("按时办结率", "onTimeRate", Kind.RATE),
            new Column("评价数", "rated", Kind.COUNT), new Column("满意率", "satisfactionRate", Kind.RATE),
            new Column("平均办结工作日", "avgWorkingDays", Kind.DAYS), new Column("P90 办结工作日", "p90WorkingDays", Kind.DAYS),
            new Column("催办", "urges", Kind.COUNT), new Column("差评整改", "rework", Kind.COUNT)};

    private XlsxExport() {
    }

    private static Column rating(RatingLevel level) {
        return new Column(level.label(), "ratings." + level.name(), Kind.COUNT);
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
                summary.value(0, c, COLUMNS[c].title());
                summary.style(0, c).bold().fillColor("F2DCDB").set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    Column column = COLUMNS[c];
                    Object value = read(rows.get(r), column.path());
                    if (value instanceof Number n) {
                        summary.value(r + 1, c, n);
                        String format = switch (column.kind()) {
                            case RATE -> "0.0%";
                            case DAYS -> "0.00";
                            default -> "0";
                        };
                        summary.style(r + 1, c).format(format).set();
                    } else if (value != null) {
                        summary.value(r + 1, c, "level".equals(column.path()) ? ReportLabels.level(String.valueOf(value))
                                : String.valueOf(value));
                    }
                }
            }
            summary.freezePane(1, 1);
            Worksheet counts = wb.newWorksheet("分类统计");
            counts.value(0, 0, "单位");
            counts.value(0, 1, "维度");
            counts.value(0, 2, "取值");
            counts.value(0, 3, "数量");
            JsonObject titles = report.getJsonObject("categoryTitles", new JsonObject());
            int line = 1;
            for (JsonObject row : rows) {
                for (String dimension : new String[] {"byChannel", "byType", "byCategory"}) {
                    JsonObject values = row.getJsonObject(dimension, new JsonObject());
                    for (String key : new TreeSet<>(values.fieldNames())) {
                        counts.value(line, 0, row.getString("unitName"));
                        counts.value(line, 1, Map.of("byChannel", "渠道", "byType", "类型", "byCategory", "事项").get(dimension));
                        counts.value(line, 2, ReportLabels.value(dimension, key, titles));
                        counts.value(line, 3, values.getLong(key));
                        line++;
                    }
                }
            }
            JsonObject people = report.getJsonObject("people", new JsonObject());
            Worksheet who = wb.newWorksheet("人员绩效");
            who.value(0, 0, "类别");
            for (int c = 0; c < PEOPLE.length; c++) {
                who.value(0, c + 1, PEOPLE[c].title());
                who.style(0, c + 1).bold().fillColor("F2DCDB").set();
            }
            int at = 1;
            for (String group : new String[] {"liaisons", "handlingUnits"}) {
                for (Object item : people.getJsonArray(group, new JsonArray())) {
                    who.value(at, 0, "liaisons".equals(group) ? "联络员" : "承办单位");
                    for (int c = 0; c < PEOPLE.length; c++) {
                        cell(who, at, c + 1, PEOPLE[c], read((JsonObject) item, PEOPLE[c].path()));
                    }
                    at++;
                }
            }
            JsonObject inspections = report.getJsonObject(InspectionFigures.KEY);
            if (inspections != null) {
                inspectionSheet(wb.newWorksheet("行政检查"), inspections);
            }
            XlsxExtras.write(wb, report);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Column column, Object value) {
        if (value instanceof Number n) {
            sheet.value(r, c, n);
            sheet.style(r, c).format(column.kind() == Kind.RATE ? "0.0%" : column.kind() == Kind.DAYS ? "0.00" : "0").set();
        } else if (value != null) {
            sheet.value(r, c, String.valueOf(value));
        }
    }

    /** 扫码入企: per district or park and kind, the month's totals, then per enterprise. */
    private static void inspectionSheet(Worksheet sheet, JsonObject figures) {
        JsonObject labels = figures.getJsonObject("kindLabels", new JsonObject());
        List<String> kinds = new ArrayList<>(labels.fieldNames());
        sheet.value(0, 0, "单位");
        for (int k = 0; k < kinds.size(); k++) {
            sheet.value(0, k + 1, labels.getString(kinds.get(k)));
        }
        sheet.value(0, kinds.size() + 1, "合计");
        int line = 1;
        for (Object o : figures.getJsonArray("byUnit", new JsonArray())) {
            JsonObject row = (JsonObject) o;
            sheet.value(line, 0, row.getString("unitName"));
            for (int k = 0; k < kinds.size(); k++) {
                sheet.value(line, k + 1, row.getJsonObject("byKind").getLong(kinds.get(k), 0L));
            }
            sheet.value(line++, kinds.size() + 1, row.getLong("total"));
        }
        line++;
        String[][] totals = {{"检查总数", "total"}, {"已登记", "registered"}, {"待批准（超上限）", "awaitingApproval"},
                {"超上限经批准", "overCapApproved"}, {"超上限未获批准", "overCapRefused"}, {"未扫码登记（标记）", "flagged"},
                {"综合查一次合并的检查", "mergedInspections"}, {"企业评价数", "rated"}, {"差评（≤2 分）", "badRatings"},
                {"平均评分", "averageScore"}};
        for (String[] t : totals) {
            sheet.value(line, 0, t[0]);
            Object v = figures.getValue(t[1]);
            if (v instanceof Number n) {
                sheet.value(line, 1, n);
            }
            line++;
        }
        line++;
        sheet.value(line, 0, "企业");
        sheet.value(line, 1, "检查次数");
        sheet.value(line++, 2, "入企次数");
        for (Object o : figures.getJsonArray("byEnterprise", new JsonArray())) {
            JsonObject e = (JsonObject) o;
            sheet.value(line, 0, e.getString("enterpriseName"));
            sheet.value(line, 1, e.getLong(InspectionFigures.KEY));
            sheet.value(line++, 2, e.getInteger("visits"));
        }
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
