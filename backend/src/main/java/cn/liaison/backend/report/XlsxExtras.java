package cn.liaison.backend.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The XLSX sheets of {@link ReportExtras}: 一企一策 per unit, and 提速 per service item (city-wide and per unit). */
final class XlsxExtras {

    private static final String[] PLAN_TITLES = {"单位", "新制定方案", "办结方案", "推进中", "其中重大项目", "完成步骤",
            "超时完成步骤", "超期未完成步骤", "陪跑次数", "评价数", "满意数", "满意率", "差评重开"};
    private static final String[] PLAN_FIELDS = {"unitName", "opened", "closed", "running", "forProjects", "stepsDone",
            "stepsDoneLate", "stepsOverdue", "visits", "rated", "satisfied", "satisfactionRate", "reopened"};
    private static final String[] SPEED_TITLES = {"服务事项", "范围", "法定时限", "承诺时限", "目标时限", "目标依据", "来源",
            "件数", "中位数（工作日）", "P90（工作日）", "目标内件数", "目标内占比"};

    private XlsxExtras() {
    }

    static void write(Workbook wb, JsonObject report) {
        JsonObject plans = report.getJsonObject("servicePlans");
        if (plans != null) {
            Worksheet sheet = wb.newWorksheet("一企一策");
            header(sheet, PLAN_TITLES);
            int line = 1;
            JsonArray rows = plans.getJsonArray("rows", new JsonArray()).copy().add(plans.getJsonObject("total"));
            for (Object o : rows) {
                JsonObject row = (JsonObject) o;
                for (int c = 0; c < PLAN_FIELDS.length; c++) {
                    cell(sheet, line, c, row.getValue(PLAN_FIELDS[c]), "satisfactionRate".equals(PLAN_FIELDS[c]) ? "0.0%" : "0");
                }
                line++;
            }
        }
        JsonObject speed = report.getJsonObject("speed");
        if (speed != null) {
            Worksheet sheet = wb.newWorksheet("提速");
            header(sheet, SPEED_TITLES);
            int line = 1;
            for (Object o : speed.getJsonArray("items", new JsonArray())) {
                JsonObject item = (JsonObject) o;
                for (String source : new String[] {"approvals", "answers"}) {
                    JsonObject figures = item.getJsonObject(source, new JsonObject());
                    line = speedRow(sheet, line, item, source, "全部", figures);
                    for (Object u : figures.getJsonArray("byUnit", new JsonArray())) {
                        line = speedRow(sheet, line, item, source, ((JsonObject) u).getString("unitName"), (JsonObject) u);
                    }
                }
            }
        }
    }

    private static int speedRow(Worksheet sheet, int line, JsonObject item, String source, String scope, JsonObject f) {
        Object[] values = {item.getString("title"), scope, item.getValue("legalDays"), item.getValue("promisedDays"),
                item.getValue("targetDays"), item.getString("targetBasis"), "approvals".equals(source) ? "审批（全链条清单）" : "诉求",
                f.getValue("count"), f.getValue("median"), f.getValue("p90"), f.getValue("withinTarget"), f.getValue("shareWithinTarget")};
        for (int c = 0; c < values.length; c++) {
            cell(sheet, line, c, values[c], c == 11 ? "0.0%" : c == 8 || c == 9 ? "0.0" : "0");
        }
        return line + 1;
    }

    private static void header(Worksheet sheet, String[] titles) {
        for (int c = 0; c < titles.length; c++) {
            sheet.value(0, c, titles[c]);
            sheet.style(0, c).bold().fillColor("F2DCDB").set();
        }
        sheet.freezePane(1, 1);
    }

    private static void cell(Worksheet sheet, int row, int col, Object value, String format) {
        if (value instanceof Number n) {
            sheet.value(row, col, n);
            sheet.style(row, col).format(format).set();
        } else if (value != null) {
            sheet.value(row, col, String.valueOf(value));
        }
    }
}
