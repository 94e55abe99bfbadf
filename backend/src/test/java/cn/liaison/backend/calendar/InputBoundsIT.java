package cn.liaison.backend.calendar;

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

/**
 * Dates far outside any sane window are refused before work starts. The first case used to walk the
 * calendar day by day to the year 999999999 on the event loop (77 s, 4.3 GB); the time it takes now
 * is measured in benchmarks, not asserted here.
 */
class InputBoundsIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static String liaison;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir);
        liaison = app.loginAs("pukou-liaison-1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void deadlineInTheYear999999999IsRefused() throws Exception {
        for (String due : new String[] {"+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "2099-01-01T00:00:00Z",
                "1990-01-01T00:00:00Z"}) {
            long begin = System.nanoTime();
            HttpResponse<String> response = app.get("/api/v1/deadlines?due=" + due.replace("+", "%2B"), liaison);
            long ms = (System.nanoTime() - begin) / 1_000_000;
            System.out.println("GET /api/v1/deadlines?due=" + due + " -> " + response.statusCode() + " in " + ms + " ms");

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("due", new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertEquals(200, app.get("/api/v1/deadlines?due=2026-12-01T17:30:00%2B08:00", liaison).statusCode());
        long[] warm = new long[50];
        for (int i = 0; i < warm.length; i++) {
            long begin = System.nanoTime();
            assertEquals(400, app.get("/api/v1/deadlines?due=%2B999999999-12-31T00:00:00Z", liaison).statusCode());
            warm[i] = (System.nanoTime() - begin) / 1000;
        }
        java.util.Arrays.sort(warm);
        System.out.println("warm: median " + warm[25] / 1000.0 + " ms, max " + warm[49] / 1000.0 + " ms over 50 requests");
    }

    @Test
    void monthlyReportForAMonthOutsideTheWindowIsRefused() throws Exception {
        String admin = app.loginAs("city-admin");
        for (String month : new String[] {"%2B999999999-12", "1999-12", "2100-01"}) {
            HttpResponse<String> response = app.get("/api/v1/reports/monthly?month=" + month, admin);
            assertEquals(400, response.statusCode(), month + ": " + response.body());
        }
    }

    @Test
    void ledgerDatesOutsideTheWindowAreRefused() throws Exception {
        String admin = app.loginAs("city-admin");
        for (String query : new String[] {"from=0001-01-01", "to=9999-12-31"}) {
            HttpResponse<String> response = app.get("/api/v1/requests?" + query, admin);
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            HttpResponse<String> csv = app.get("/api/v1/requests/export.csv?" + query, admin);
            assertEquals(400, csv.statusCode(), query + ": " + csv.body());
        }
    }
}
