package cn.liaison.backend.calendar;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city admin loads a year's 放假安排 over HTTP (JSON and YAML file), bad schedules are refused field
 * by field, every load is a version, and a missing year shows on deadlines, readiness and the
 * coverage endpoint the dashboard reads. The 2027 schedule below is test data, not the real notice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarAdminIT {

    /** Starts at the real time so the JWT library accepts the tokens' iat; each test sets the date it needs. */
    static final MutableClock CLOCK = new MutableClock(java.time.Instant.now());
    static final String TEST_2027 = """
            {"year": 2027, "holidays": [{"name": "测试假一", "from": "2027-01-01", "to": "2027-01-03"},
              {"name": "测试假二", "from": "2027-10-01", "to": "2027-10-07"}],
             "makeUpWorkdays": ["2027-10-09"]}""";

    @TempDir
    static Path dataDir;
    static TestApp app;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        // Tokens last 30 days here, so the test can move the clock to December without signing in again.
        app = TestApp.start(dataDir, Map.of("JWT_TTL_S", "2592000"), StartOptions.defaults().withClock(CLOCK));
        app.knowledgeBase().await(120, TimeUnit.SECONDS);
        admin = app.loginAs("city-admin");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void fromFirstDecemberTheMissingNextYearIsAWarningEverywhere() throws Exception {
        CLOCK.set(java.time.OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant());
        assertEquals(new JsonArray(), coverage().getJsonArray("missingYears"), "no warning in November");
        assertEquals(new JsonArray(), ready().getJsonArray("warnings"));

        CLOCK.set(java.time.OffsetDateTime.parse("2026-12-01T09:00:00+08:00").toInstant());

        assertEquals(new JsonArray().add(2027), coverage().getJsonArray("missingYears"));
        JsonObject ready = ready();
        assertEquals("INCOMPLETE", ready.getJsonObject("checks").getString("calendar"));
        assertTrue(ready.getJsonArray("warnings").getString(0).contains("2027 年法定节假日安排"), ready.encode());

        JsonObject item = deadline("2027-01-05T17:30:00+08:00");
        assertTrue(item.getBoolean("calendarIncomplete"), item.encode());
        assertTrue(item.getString("calendarNote").contains("周一至周五"), item.encode());
        assertFalse(deadline("2026-12-10T17:30:00+08:00").containsKey("calendarIncomplete"));
    }

    @Test
    @Order(2)
    void badScheduleIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        String bad = """
                {"year": 2027, "holidays": [{"name": "", "from": "2027-01-01", "to": "2027-01-03"},
                  {"name": "重叠", "from": "2027-01-03", "to": "2027-01-04"},
                  {"name": "错年", "from": "2028-02-01", "to": "2028-02-02"}],
                 "makeUpWorkdays": ["2027-01-02", "2027-01-06"]}""";

        HttpResponse<String> response = app.sendJson("PUT", "/api/v1/calendar/years/2027", admin, bad);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        List<String> fields = new JsonObject(response.body()).getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field")).toList();
        assertEquals(List.of("holidays[0].name", "holidays[1]", "holidays[2].from", "holidays[2].to",
                "makeUpWorkdays[0]", "makeUpWorkdays[1]"), fields, response.body());
        assertEquals(400, app.sendJson("PUT", "/api/v1/calendar/years/2026", admin, TEST_2027).statusCode(),
                "year in the body must match the path");
        assertEquals(400, app.sendJson("PUT", "/api/v1/calendar/years/3000", admin, TEST_2027).statusCode());
        assertEquals(403, app.sendJson("PUT", "/api/v1/calendar/years/2027", app.loginAs("pukou-head"), TEST_2027).statusCode());
        assertEquals(new JsonArray().add(2027), coverage().getJsonArray("missingYears"), "nothing was loaded");
    }

    @Test
    @Order(3)
    void adminLoadsANewYearByJsonAndItAppliesAtOnce() throws Exception {
        assertEquals("2027-10-01", workingDay("2027-09-30", 1), "before: counted Mon-Fri");

        HttpResponse<String> response = app.sendJson("PUT", "/api/v1/calendar/years/2027", admin, TEST_2027);

        assertEquals(201, response.statusCode(), response.body());
        JsonObject stored = new JsonObject(response.body());
        assertEquals(1, stored.getInteger("version"));
        assertEquals("api", stored.getString("source"));
        assertEquals("2027-10-08", workingDay("2027-09-30", 1), "10-08 is a Friday after the test holiday");
        assertEquals("2027-10-09", workingDay("2027-10-08", 1), "the make-up Saturday works");
        assertEquals(new JsonArray(), coverage().getJsonArray("missingYears"));
        assertFalse(deadline("2027-01-05T17:30:00+08:00").containsKey("calendarIncomplete"));
        assertEquals(new JsonArray(), ready().getJsonArray("warnings"));
    }

    @Test
    @Order(4)
    void yamlUploadIsTheNextVersionAndHistoryShowsWhoAndWhen() throws Exception {
        String yaml = """
                # same format as calendar/2026.yaml
                year: 2027
                holidays:
                  - {name: 测试假一, from: "2027-01-01", to: "2027-01-03"}
                makeUpWorkdays: []
                """;
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/calendar/years/2027/file"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(2, new JsonObject(response.body()).getInteger("version"));
        assertEquals("2027-10-01", workingDay("2027-09-30", 1), "version 2 has no October holiday");

        JsonObject history = new JsonObject(app.get("/api/v1/calendar/years/2027/versions", admin).body());
        assertEquals(List.of(2, 1), history.getJsonArray("items").stream().map(i -> ((JsonObject) i).getInteger("version")).toList());
        JsonObject latest = history.getJsonArray("items").getJsonObject(0);
        assertEquals("file", latest.getString("source"));
        assertTrue(latest.getString("loadedAt").startsWith("2026-12-01T09:00"), latest.encode());
        assertFalse(latest.getString("loadedBy").isBlank());

        JsonObject years = new JsonObject(app.get("/api/v1/calendar/years", admin).body());
        assertEquals(List.of(2025, 2026, 2027), years.getJsonArray("items").stream().map(i -> ((JsonObject) i).getInteger("year")).toList());
        assertEquals("bundled", years.getJsonArray("items").getJsonObject(1).getString("source"));

        HttpResponse<String> broken = app.send(HttpRequest.newBuilder(app.uri("/api/v1/calendar/years/2027/file"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("year: [unclosed")));
        assertEquals(400, broken.statusCode(), broken.body());
        assertEquals(401, app.send(HttpRequest.newBuilder(app.uri("/api/v1/calendar/years/2027/file"))
                .POST(HttpRequest.BodyPublishers.ofString(yaml))).statusCode());
    }

    @Test
    @Order(5)
    void anotherInstanceSharingMongoAppliesTheLoadOnItsNextReload() throws Exception {
        // A second calendar over the same MongoDB, as another pod would have: it sees version 2 after
        // one reload tick (every CalendarModule.RELOAD_MS), without a restart.
        CalendarModule other = new CalendarModule(app.app().platform().vertx(), app.app().platform().stores().mongo(),
                cn.liaison.backend.calendar.OfficeHours.DEFAULT, CLOCK);
        WorkingCalendar calendar = other.start(false).await(30, TimeUnit.SECONDS);

        assertTrue(calendar.knowsHolidaysOf(2027));
        assertFalse(calendar.isWorkingDay(java.time.LocalDate.parse("2027-01-01")));
        assertTrue(calendar.isWorkingDay(java.time.LocalDate.parse("2027-10-01")), "version 2 applies, not version 1");
        assertEquals(Duration.ofSeconds(30), Duration.ofMillis(CalendarModule.RELOAD_MS));
    }

    private static String workingDay(String from, int add) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/calendar/working-days?from=" + from + "&add=" + add);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("date");
    }

    private static JsonObject coverage() throws Exception {
        HttpResponse<String> response = app.get("/api/v1/calendar/coverage", admin);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static JsonObject ready() throws Exception {
        HttpResponse<String> response = app.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static JsonObject deadline(String due) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/deadlines?due=" + due.replace("+", "%2B"), admin);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getJsonArray("items").getJsonObject(0);
    }
}
