package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request stored with a value no constant names (a type {@code CONSULTATION}, a status or channel
 * of another version, a rating level or extension state nobody knows) turned the whole ledger page,
 * the CSV and the monthly report into a 500. Reading stored data is tolerant: such a request is
 * shown with the value marked 未知, and every other request is served as before.
 */
class UnknownStoredValuesIT {

    @TempDir
    Path dataDir;

    @Test
    void oneUnreadableRequestBreaksNoPageExportOrReport() throws Exception {
        try (LoopFixture loop = new LoopFixture(dataDir)) {
            JsonObject good = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                    .put("content", "项目人防地下室竣工验收需要现场踏勘，请协调").put("projectId", "project-demo-1"));
            MongoClient mongo = loop.app.app().platform().stores().mongo();
            JsonObject stored = mongo.findOne(RequestRepository.COLLECTION, new JsonObject().put("_id", good.getString("id")), null)
                    .await(30, TimeUnit.SECONDS);
            List<JsonObject> odd = List.of(
                    variant(stored, "request-odd-type", "SQ20261123-9801").put("type", "CONSULTATION"),
                    variant(stored, "request-odd-status", "SQ20261123-9802").put("status", "ARCHIVED"),
                    variant(stored, "request-odd-rest", "SQ20261123-9803").put("channel", "FAX")
                            .put("rating", new JsonObject().put("level", "SO_SO").put("at", stored.getValue("createdAt")))
                            .put("extension", new JsonObject().put("state", "MAYBE")));
            for (JsonObject doc : odd) {
                mongo.insert(RequestRepository.COLLECTION, doc).await(30, TimeUnit.SECONDS);
            }

            for (String user : List.of("city-admin", "pukou-liaison-1")) {
                HttpResponse<String> page = loop.get(user, "/api/v1/requests?limit=50");
                assertEquals(200, page.statusCode(), user + ": " + page.body());
                JsonArray items = new JsonObject(page.body()).getJsonArray("items");
                List<String> ids = items.stream().map(i -> ((JsonObject) i).getString("id")).collect(Collectors.toList());
                assertTrue(ids.contains(good.getString("id")), ids.toString());
                assertTrue(ids.contains("request-odd-status"), ids.toString());
                JsonObject oddStatus = items.stream().map(i -> (JsonObject) i)
                        .filter(i -> i.getString("id").equals("request-odd-status")).findFirst().orElseThrow();
                assertTrue(oddStatus.getString("statusLabel").startsWith("未知"), oddStatus.encode());
            }
            for (JsonObject doc : odd) {
                HttpResponse<String> detail = loop.get("city-admin", "/api/v1/requests/" + doc.getString("_id"));
                assertEquals(200, detail.statusCode(), detail.body());
            }
            HttpResponse<String> csv = loop.get("city-admin", "/api/v1/requests/export.csv");
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.body().contains(good.getString("number")), csv.body());
            assertTrue(csv.body().contains("SQ20261123-9801") && csv.body().contains("未知"), csv.body());

            HttpResponse<String> monthly = loop.get("city-admin", "/api/v1/reports/monthly?month=2026-11");
            assertEquals(200, monthly.statusCode(), monthly.body());
            assertEquals(200, loop.get("city-admin", "/api/v1/reports/monthly.xlsx?month=2026-11").statusCode());

            loop.runScheduler();
            loop.deliverOutbox();
            HttpResponse<String> after = loop.get("city-admin", "/api/v1/requests/" + good.getString("id"));
            assertEquals(200, after.statusCode(), after.body());
        }
    }

    private static JsonObject variant(JsonObject stored, String id, String number) {
        return stored.copy().put("_id", id).put("number", number).put("version", 0L).put("outbox", new JsonArray());
    }
}
