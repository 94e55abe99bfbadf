package cn.liaison.backend.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The city office: a knowledge-base entry drafted, published and answered; the monthly summary as XLSX. */
final class CityAdminJourney {

    static final String ENTRY = "faq-acceptance-drill-volunteer";
    static final String QUESTION = "防空演练志愿者怎么报名";

    private final Api api;

    CityAdminJourney(Api api) {
        this.api = api;
    }

    void kbDraftPublishAnswer() throws Exception {
        String admin = api.login("city-admin");
        JsonObject draft = new JsonObject().put("id", ENTRY).put("kind", "faq").put("title", "防空演练志愿者报名")
                .put("questions", new JsonArray().add("防空演练志愿者怎么报名？").add("我想报名当防空演练志愿者")
                        .add("演练志愿者在哪报名").add("人防演练能当志愿者吗").add("志愿者报名防空演习").add("防空演习志愿者招募"))
                .put("answer", "关注所在区人防部门发布的演练通知，按通知中的方式报名。")
                .put("topics", new JsonArray().add("topic.alarm")).put("region", "南京")
                .put("effective", new JsonObject().put("from", "2026-01-01").putNull("to"))
                .put("sources", new JsonArray().add(new JsonObject().put("title", "验收测试来源").putNull("url")));
        api.expect(200, "PUT", "/api/v1/admin/kb/entries/" + ENTRY + "/draft", admin, draft);
        assertFalse(topIs(ask(QUESTION), ENTRY), "a draft is not answered");
        assertEquals(404, api.get("/api/v1/kb/entries/" + ENTRY, null).statusCode(), "nor shown");

        api.expect(200, "POST", "/api/v1/admin/kb/entries/" + ENTRY + "/publish", admin, new JsonObject());
        // Publishing re-indexes this instance before it answers: the very next question finds it.
        JsonObject outcome = ask(QUESTION);
        assertTrue(topIs(outcome, ENTRY), outcome.encode());
        assertTrue(outcome.getBoolean("answered"), outcome.encode());
        assertTrue(api.ok("/api/v1/kb/entries/" + ENTRY, null).getString("markdown").contains("演练通知"));
    }

    void monthlyXlsx() throws Exception {
        String admin = api.login("city-admin");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonObject report = api.ok("/api/v1/reports/monthly?month=" + month, admin);
        JsonObject total = report.getJsonObject("total");
        assertTrue(total.getLong("received") >= 3, "at least the journeys' three requests: " + total.encode());

        HttpResponse<byte[]> xlsx = api.bytes("/api/v1/reports/monthly.xlsx?month=" + month, admin);
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        Path file = Files.createDirectories(Path.of("target", "acceptance")).resolve("monthly-" + month + ".xlsx");
        Files.write(file, xlsx.body());
        Map<String, List<List<String>>> sheets = XlsxSheets.read(file);
        List<String> names = List.copyOf(sheets.keySet());
        assertEquals(List.of("每月汇总 " + month, "分类统计", "人员绩效", "行政检查"), names.subList(0, Math.min(4, names.size())));
        assertTrue(names.containsAll(List.of("一企一策", "提速")), "the plan and speed sheets: " + names);
        List<List<String>> people = sheets.get("人员绩效");
        assertEquals(List.of("类别", "名称", "受理诉求"), people.get(0).subList(0, 3));
        assertTrue(people.stream().anyMatch(row -> row.get(0).equals("承办单位")), "a row per handling unit: " + people);
        // 扫码入企 (the inspection journey ran before): the month's inspections as in the JSON report
        List<List<String>> inspections = sheets.get("行政检查");
        long registered = report.getJsonObject("inspections").getLong("registered");
        assertTrue(registered >= 1 && inspections.stream().anyMatch(row -> row.get(0).equals("已登记")
                && (long) Double.parseDouble(row.get(1)) == registered), "已登记 = " + registered + " in " + inspections);

        List<List<String>> summary = sheets.get("每月汇总 " + month);
        assertEquals(List.of("单位", "层级", "受理诉求"), summary.get(0).subList(0, 3));
        List<String> totalRow = summary.get(summary.size() - 1);
        assertEquals(total.getString("unitName"), totalRow.get(0), "the last row is the total");
        assertEquals(total.getLong("received"), (long) Double.parseDouble(totalRow.get(2)), "受理诉求 as in the JSON report");
        assertTrue(summary.stream().anyMatch(row -> row.get(0).equals("浦口区")), "a row for 浦口区: " + summary);

        List<List<String>> counts = sheets.get("分类统计");
        assertEquals(List.of("单位", "维度", "取值", "数量"), counts.get(0));
        // the sheet names channels as people do (小程序, 12345 工单), the JSON by their wire names
        for (String channel : List.of("MINIPROGRAM", "12345")) {
            String label = cn.liaison.backend.request.Channel.fromWire(channel).orElseThrow().label();
            long expected = total.getJsonObject("byChannel").getLong(channel, 0L);
            assertTrue(expected >= 1, channel + " in " + total.encode());
            assertTrue(counts.stream().anyMatch(row -> row.get(0).equals(total.getString("unitName")) && row.get(1).equals("渠道")
                    && row.get(2).equals(label) && (long) Double.parseDouble(row.get(3)) == expected),
                    "渠道 " + label + " = " + expected + " in " + counts);
        }
    }

    private JsonObject ask(String q) throws Exception {
        return api.ok("/api/v1/kb/answer?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    }

    private static boolean topIs(JsonObject outcome, String id) {
        JsonArray results = outcome.getJsonArray("results");
        return !results.isEmpty() && id.equals(results.getJsonObject(0).getString("id"));
    }
}
