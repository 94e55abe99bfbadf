package cn.liaison.backend.report;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly summary over requests made through the real request loop, across the September /
 * October 2026 boundary and the National Day holiday (Oct 1–7 off, Oct 10 a make-up workday).
 */
class MonthlyReportIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static final MutableClock CLOCK = MutableClock.at("2026-09-30T16:00:00+08:00");
    static final Map<String, String> TOKENS = new HashMap<>();
    static final Map<String, Instant> ISSUED = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(),
                StartOptions.defaults().withClock(CLOCK).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
        buildOctober();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(String user) throws Exception {
        Instant now = CLOCK.instant();
        if (!TOKENS.containsKey(user) || ISSUED.get(user).plus(Duration.ofHours(6)).isBefore(now)) {
            TOKENS.put(user, app.loginAs(user));
            ISSUED.put(user, now);
        }
        return TOKENS.get(user);
    }

    static JsonObject call(String user, String method, String path, JsonObject body, int status) throws Exception {
        HttpResponse<String> response = app.sendJson(method, path, token(user), body == null ? "" : body.encode());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return new JsonObject(response.body());
    }

    static String submit(String content) throws Exception {
        JsonObject created = call("enterprise-1", "POST", "/api/v1/requests", new JsonObject().put("type", "DEMAND")
                .put("content", content).put("projectId", "project-demo-1"), 201);
        JsonObject routed = app.awaitAssessed(created.getString("id")); // routing follows the acknowledged create
        assertEquals("user-pukou-liaison-1", routed.getString("liaisonId"), routed.encode());
        return created.getString("id");
    }

    static void act(String user, String id, String action, JsonObject body) throws Exception {
        call(user, "POST", "/api/v1/requests/" + id + "/" + action, body, 200);
    }

    static void at(String time) {
        CLOCK.set(java.time.OffsetDateTime.parse(time).toInstant());
    }

    /** A: received 30 Sep, done 9 Oct; B: received 9 Oct, left to go overdue; C: 12 Oct, done 13 Oct, rated badly. */
    static void buildOctober() throws Exception {
        String a = submit("人防地下室竣工验收需要现场踏勘，请协调安排时间");
        at("2026-09-30T16:30:00+08:00");
        act("pukou-liaison-1", a, "accept", new JsonObject());
        at("2026-10-09T10:00:00+08:00");
        act("pukou-liaison-1", a, "respond", new JsonObject().put("result", "已完成现场踏勘").put("resolved", true));
        act("enterprise-1", a, "rate", new JsonObject().put("level", "SATISFIED"));
        submit("防护设备检测报告需要加急出具，请协助联系检测单位");
        at("2026-10-12T10:00:00+08:00");
        String c = submit("请协助确认人防工程质量监督的报监时间");
        act("pukou-liaison-1", c, "accept", new JsonObject());
        at("2026-10-13T10:00:00+08:00");
        act("pukou-liaison-1", c, "respond", new JsonObject().put("result", "开工前报监即可").put("resolved", true));
        act("enterprise-1", c, "rate", new JsonObject().put("level", "DISSATISFIED").put("comment", "答复太笼统"));
        call("pukou-liaison-1", "POST", "/api/v1/projects/project-demo-1/visits", new JsonObject()
                .put("peopleMet", new JsonArray().add("周强")).put("problems", new JsonArray().add("报监材料不全")), 201);
        call("enterprise-1", "POST", "/api/v1/projects", new JsonObject().put("name", "汤泉农旅融合园")
                .put("landUse", "RURAL_INDUSTRY_INTEGRATION"), 201);
        at("2026-11-02T09:00:00+08:00");
    }

    static JsonObject row(JsonObject report, String unitId) {
        return report.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> unitId.equals(r.getString("unitId"))).findFirst().orElseThrow();
    }

    @Test
    void octoberCountsRequestsByWhenTheyHappenedInBeijingTimeOnTheWorkingCalendar() throws Exception {
        JsonObject october = call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200);
        JsonObject pukou = row(october, "district-pukou");
        assertEquals(2, pukou.getLong("received"), "B and C; A came in September");
        assertEquals(2, pukou.getJsonObject("byChannel").getLong("MINIPROGRAM"));
        assertEquals(2, pukou.getLong("completed"), "A and C were responded in October");
        assertEquals(1.0, pukou.getDouble("onTimeRate"));
        // A: 30 Sep 16:00–17:30 + 8 Oct (after the holiday) 8.5 h + 9 Oct 09:00–10:00 = 11 h; C: 8.5 h; office day 8.5 h.
        assertEquals(1.15, pukou.getDouble("avgWorkingDaysToComplete"));
        assertEquals(1, pukou.getLong("signedFor"));
        assertEquals(1, pukou.getLong("overdue"), "B was due 16 Oct and never answered");
        assertEquals(1, pukou.getJsonObject("ratings").getLong("SATISFIED"));
        assertEquals(1, pukou.getJsonObject("ratings").getLong("DISSATISFIED"));
        assertEquals(0.5, pukou.getDouble("satisfactionRate"));
        assertEquals(1, pukou.getLong("badRatings"));
        assertEquals(1, pukou.getLong("reworkOpened"));
        assertEquals(0, pukou.getLong("rectified"));
        assertEquals(1, pukou.getLong("siteVisits"));
        assertEquals(1, pukou.getLong("majorProjectsServed"), "project-demo-1 is a city major project");
        assertEquals(1, pukou.getLong("policyMatchesApplied"));
        assertEquals("2026-10-01T00:00:00+08:00", october.getString("from"));

        JsonObject september = call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-09", null, 200);
        assertEquals(1, row(september, "district-pukou").getLong("received"));
        assertEquals(0, row(september, "district-pukou").getLong("completed"));
        assertEquals(1, row(september, "district-pukou").getLong("signedOnTime"));
    }

    @Test
    void whoPerformsPerLiaisonAndPerUnit() throws Exception {
        JsonObject people = call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200).getJsonObject("people");
        JsonObject lina = people.getJsonArray("liaisons").stream().map(JsonObject.class::cast)
                .filter(p -> "user-pukou-liaison-1".equals(p.getString("id"))).findFirst().orElseThrow(() -> new AssertionError(people.encode()));
        assertEquals("李娜", lina.getString("name"));
        assertEquals(2, lina.getLong("completed"), "A and C");
        assertEquals(1.0, lina.getDouble("onTimeRate"));
        assertEquals(0.5, lina.getDouble("satisfactionRate"));
        // A: 11 h, C: 8.5 h of an 8.5 h office day
        assertEquals(1.147, lina.getDouble("avgWorkingDays"), 0.001);
        assertEquals(1.294, lina.getDouble("p90WorkingDays"), 0.001);
        assertEquals(1, lina.getLong("rework"));
        assertEquals(0, lina.getLong("urges"));
        JsonObject pukou = people.getJsonArray("handlingUnits").stream().map(JsonObject.class::cast)
                .filter(p -> "district-pukou".equals(p.getString("id"))).findFirst().orElseThrow();
        assertEquals("浦口区", pukou.getString("name"));
        assertEquals(2, pukou.getLong("received"));
        assertEquals(2, pukou.getLong("completed"));
        JsonObject gulou = call("city-admin", "GET", "/api/v1/reports/monthly?month=2026-10&unitId=district-gulou", null, 200);
        assertTrue(gulou.getJsonObject("people").getJsonArray("liaisons").isEmpty(), "another district's people are not in it");
    }

    @Test
    void unitHeadsSeeTheirAreaCityAdminsEveryDistrict() throws Exception {
        JsonObject head = call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200);
        assertTrue(head.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .allMatch(r -> List.of("district-pukou", "park-pukou-edz").contains(r.getString("unitId"))), head.encode());
        call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-10&unitId=district-gulou", null, 404);
        call("pukou-liaison-1", "GET", "/api/v1/reports/monthly?month=2026-10", null, 403);
        call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-13", null, 400);
        JsonObject city = call("city-admin", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200);
        assertTrue(city.getJsonArray("rows").size() > 10, "every district and park");
        assertEquals(2, city.getJsonObject("total").getLong("received"));
    }

    @Test
    void loadingTheMonthlyReportLogsNoWarnings() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            call("city-admin", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200);
            call("pukou-head", "GET", "/api/v1/reports/monthly?month=2026-10", null, 200);
        } finally {
            root.detachAppender(seen);
        }
        List<String> warnings = seen.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertEquals(List.of(), warnings, "nothing is wrong, so nothing is logged as if it were");
    }

    @Test
    void xlsxAndDashboardAreServed() throws Exception {
        HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(app.uri("/api/v1/reports/monthly.xlsx?month=2026-10"))
                        .header("Authorization", "Bearer " + token("city-admin")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertEquals(ReportPages.XLSX, xlsx.headers().firstValue("Content-Type").orElse(""));
        assertEquals('P', xlsx.body()[0]);
        assertEquals('K', xlsx.body()[1]);
        assertEquals(401, app.get("/api/v1/reports/monthly.xlsx?month=2026-10").statusCode());
        List<Map<String, XlsxFormats.Cell>> rows = XlsxFormats.firstSheet(xlsx.body());
        Map<String, XlsxFormats.Cell> pukou = rows.stream().filter(r -> "浦口区".equals(r.get("单位").text()))
                .findFirst().orElseThrow();
        assertEquals("2", pukou.get("评价数").text(), "two ratings in October");
        assertFalse(pukou.get("评价数").format().contains("%"), "a count, not a percentage: " + pukou.get("评价数"));
        assertTrue(pukou.get("满意率").format().contains("%"), "a rate: " + pukou.get("满意率"));
        assertEquals("区级", pukou.get("层级").text());
        List<String> words = XlsxFormats.strings(xlsx.body());
        for (String code : List.of("DISTRICT", "PARK", "TOTAL", "UNPLACED", "HOTLINE", "MINIPROGRAM", "DEMAND", "item.")) {
            assertTrue(words.stream().noneMatch(w -> w.contains(code)), code + " shown where people read: " + words);
        }
        assertTrue(words.contains("小程序") || words.contains("网站"), "channels by name: " + words);
        HttpResponse<String> page = app.get("/dashboard/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("每月汇总"));
        assertEquals(200, app.get("/dashboard/lib/chart.umd.js").statusCode());
        assertEquals(200, app.get("/dashboard/dashboard.js").statusCode());
    }

    @Test
    void aMonthOfThreeThousandRequestsIsSummarisedQuickly() throws Exception {
        List<BulkOperation> docs = new ArrayList<>();
        Instant base = java.time.OffsetDateTime.parse("2026-08-01T09:00:00+08:00").toInstant();
        String[] districts = {"district-pukou", "district-gulou", "district-xuanwu", "district-qinhuai"};
        for (int i = 0; i < 3000; i++) {
            Instant created = base.plus(Duration.ofMinutes(i * 13L));
            docs.add(BulkOperation.createInsert(new JsonObject().put("_id", "bulk-" + i).put("number", "BULK-" + i).put("status", "CLOSED")
                    .put("channel", i % 3 == 0 ? "HOTLINE" : "MINIPROGRAM").put("type", "CONSULT").put("category", "item.basement-permit")
                    .put("district", districts[i % 4]).put("createdAt", new JsonObject().put("$date", created.toString()))
                    .put("acceptedAt", new JsonObject().put("$date", created.plus(Duration.ofHours(1)).toString()))
                    .put("signDeadline", new JsonObject().put("$date", created.plus(Duration.ofDays(1)).toString()))
                    .put("respondedAt", new JsonObject().put("$date", created.plus(Duration.ofHours(20)).toString()))
                    .put("dueAt", new JsonObject().put("$date", created.plus(Duration.ofDays(3)).toString()))
                    .put("rating", new JsonObject().put("level", i % 5 == 0 ? "VERY_DISSATISFIED" : "SATISFIED")
                            .put("at", new JsonObject().put("$date", created.plus(Duration.ofHours(21)).toString())))));
        }
        app.app().platform().stores().mongo().bulkWrite("requests", docs).await(60, TimeUnit.SECONDS);
        long begin = System.nanoTime();
        JsonObject august = call("city-admin", "GET", "/api/v1/reports/monthly?month=2026-08", null, 200);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("Monthly summary of " + august.getJsonObject("total").getLong("received") + " requests: " + millis + " ms");
        assertTrue(august.getJsonObject("total").getLong("received") > 2000, august.getJsonObject("total").encode());
        assertEquals(0.8, august.getJsonObject("total").getDouble("satisfactionRate"), 0.01);
        assertTrue(millis < 20_000, millis + " ms");
    }
}
