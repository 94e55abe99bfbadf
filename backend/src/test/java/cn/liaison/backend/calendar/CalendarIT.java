package cn.liaison.backend.calendar;

import java.util.Map;
import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public working-day endpoint: no login, and every bad parameter named. */
class CalendarIT {

    @TempDir
    static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(), StartOptions.defaults().peopleOnly());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void nthWorkingDayNeedsNoLogin() throws Exception {
        HttpResponse<String> response = app.get("/api/v1/calendar/working-days?from=2026-09-30&add=3");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(new JsonObject().put("date", "2026-10-10"), new JsonObject(response.body()));
        assertEquals("2026-02-24", date("/api/v1/calendar/working-days?from=2026-02-13&add=2"));
        assertEquals("2026-03-07", date("/api/v1/calendar/working-days?from=2026-03-07&add=0"));
    }

    @Test
    void badDateIsA400NamingFrom() throws Exception {
        for (String from : new String[] {"2026-02-30", "abc", "2026/09/30", "1999-12-31"}) {
            assertParameter(app.get("/api/v1/calendar/working-days?from=" + from + "&add=1"), "from");
        }
    }

    @Test
    void addOutside0To365IsA400NamingAdd() throws Exception {
        for (String add : new String[] {"366", "-1", "x", "1.5"}) {
            assertParameter(app.get("/api/v1/calendar/working-days?from=2026-09-30&add=" + add), "add");
        }
        assertParameter(app.get("/api/v1/calendar/working-days?from=2026-09-30"), "add");
    }

    private static String date(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("date");
    }

    private static void assertParameter(HttpResponse<String> response, String parameter) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(response.body());
        assertEquals(parameter, problem.getJsonArray("errors").getJsonObject(0).getString("field"), response.body());
    }
}
