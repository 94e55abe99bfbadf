package cn.liaison.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 跨前服务 and 扫码入企 at 100,000 records on the embedded store: the proactive-task lists of each
 * role (with and without a status), the daily proactive scan over 100,000 projects, and the
 * inspection lists (a unit's, a unit head's, the city's, one state, the enterprise's own). Prints
 * p50 / p99 with the load average; asserts answers and a loose bound no scan of 100,000 meets.
 * Gated like PlansAtScaleIT (PLANS_AT_SCALE=on): seeding takes minutes on the shared machine.
 */
class ServiceReadsAtScaleIT {

    static final int N = 100_000;
    static final long LIST_P50_BOUND_MS = 2_000;

    @TempDir
    static Path dataDir;

    @Test
    void tasksScanAndInspectionsStayBoundedAt100k() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("on".equals(System.getenv("PLANS_AT_SCALE")), "PLANS_AT_SCALE=on runs it");
        try (FeatureFixture f = new FeatureFixture(dataDir)) {
            MongoClient mongo = f.app.app().platform().stores().mongo();
            Instant now = f.clock.instant();
            long t0 = System.nanoTime();
            // collection names as literals: tests may, the service names each only in its owner (CollectionOwnershipTest)
            seed(mongo, "proactive_tasks", n -> task(n, now));
            seed(mongo, "inspections", n -> inspection(n, now));
            seed(mongo, "projects", n -> project(n, now));
            ScaleTiming timing = new ScaleTiming("SERVICE-AT-SCALE", f);
            timing.record(String.format("seeded %,d tasks, inspections and projects in %d s", N, (System.nanoTime() - t0) / 1_000_000_000L));

            for (String user : List.of("pukou-liaison-1", "pukou-head", "city-admin")) {
                for (String status : new String[] {null, "OPEN"}) {
                    String path = "/api/v1/proactive-tasks?limit=50" + (status == null ? "" : "&status=" + status);
                    long p50 = timing.repeat(user + " proactive tasks" + (status == null ? "" : " (OPEN)"), user, path);
                    assertTrue(p50 <= LIST_P50_BOUND_MS, path + " p50 " + p50);
                    JsonArray items = timing.get(user, path).getJsonArray("items");
                    assertEquals(50, items.size(), user + " " + path);
                    for (int i = 1; i < items.size(); i++) {
                        assertTrue(items.getJsonObject(i - 1).getString("createdAt").compareTo(items.getJsonObject(i).getString("createdAt")) >= 0);
                    }
                    items.forEach(o -> assertTrue(status == null || status.equals(((JsonObject) o).getString("status"))));
                }
            }
            for (String user : List.of("pukou-liaison-1", "pukou-head", "city-admin")) {
                for (String state : new String[] {null, "AWAITING_APPROVAL"}) {
                    String path = "/api/v1/inspections" + (state == null ? "" : "?state=" + state);
                    long p50 = timing.repeat(user + " inspections" + (state == null ? "" : " (" + state + ")"), user, path);
                    assertTrue(p50 <= LIST_P50_BOUND_MS, path + " p50 " + p50);
                    JsonArray items = timing.get(user, path).getJsonArray("items");
                    assertTrue(items.size() > 0, user + " " + path);
                    items.forEach(o -> assertTrue(state == null || state.equals(((JsonObject) o).getString("state"))));
                }
            }
            long p50 = timing.repeat("enterprise's own inspections", "enterprise-1", "/api/v1/me/inspections");
            assertTrue(p50 <= LIST_P50_BOUND_MS);
            timing.once("monthly summary with inspections (city)", "city-admin", "/api/v1/reports/monthly?month=2026-11");

            int raised = timing.job("proactive scan over 100,000 projects", "proactive");
            assertTrue(raised >= N / 100, "one silent project in a hundred gets a task (and the demo's own): " + raised);
            timing.job("proactive scan again (nothing new)", "proactive");
            timing.print();
        }
    }

    private static void seed(MongoClient mongo, String collection, IntFunction<JsonObject> doc) throws Exception {
        // batches of 1,000: under a heavy load a batch of 5,000 outlasted the driver's read timeout
        for (int batch = 0; batch < N / 1_000; batch++) {
            List<BulkOperation> ops = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                ops.add(BulkOperation.createInsert(doc.apply(batch * 1_000 + i)));
            }
            mongo.bulkWrite(collection, ops).await(300, TimeUnit.SECONDS);
        }
    }

    /** Half in 浦口 (one in ten of those in its park), one in 40 for the 浦口 liaison, one in 50 open. */
    private static JsonObject task(int n, Instant now) {
        boolean pukou = n % 2 == 0;
        return new JsonObject().put("_id", "silence:p" + n + ":2026-01-01").put("kind", "SILENCE").put("projectId", "p" + n)
                .put("projectName", "项目 " + n).put("enterpriseId", "enterprise-" + n % 20_000)
                .put("liaisonId", n % 40 == 0 ? "user-pukou-liaison-1" : "user-" + n % 400)
                .put("district", pukou ? "district-pukou" : "district-other").put("parkId", pukou && n % 10 == 0 ? "park-pukou-edz" : null)
                .put("reason", "已有 40 天无联系").put("ask", new JsonArray().add("近况如何？")).put("status", n % 50 == 0 ? "OPEN" : "DONE")
                .put("checkIn", new JsonObject().put("sent", false).put("heldBack", "今天已联系过该企业"))
                .put("createdAt", MongoDocs.date(now.minusSeconds(600L * n)));
    }

    /** Spread over units; one in 200 awaiting approval; the demo enterprise has a few. */
    private static JsonObject inspection(int n, Instant now) {
        boolean pukou = n % 2 == 0;
        String state = n % 200 == 0 ? "AWAITING_APPROVAL" : n % 3 == 0 ? "PLANNED" : "RECORDED";
        Instant created = now.minusSeconds(300L * n);
        return new JsonObject().put("_id", "insp-" + n).put("enterpriseId", n % 20_000 == 1 ? "enterprise-demo-1" : "enterprise-" + n % 20_000)
                .put("enterpriseName", "企业").put("districtUnitId", pukou ? "district-pukou" : "district-other")
                .put("parkId", pukou && n % 10 == 0 ? "park-pukou-edz" : null)
                .put("unitId", pukou ? (n % 10 == 0 ? "park-pukou-edz" : "district-pukou") : "district-other").put("unitName", "单位")
                .put("itemId", "ins-1").put("itemName", "人防工程质量检查").put("kind", "RANDOM")
                .put("plannedOn", created.atZone(MongoDocs.ZONE).toLocalDate().toString()).put("year", 2026)
                .put("month", created.atZone(MongoDocs.ZONE).toLocalDate().toString().substring(0, 7))
                .put("visitId", "visit-" + n).put("merged", false).put("state", state)
                .put("createdBy", "user-" + n % 400).put("createdByName", "检查员").put("createdByRole", "STAFF")
                .put("createdAt", MongoDocs.date(created));
    }

    /** A project in touch recently, except one in a hundred silent for 40 days. */
    private static JsonObject project(int n, Instant now) {
        Instant created = now.minusSeconds(86_400L * (n % 100 == 0 ? 40 : 5));
        return new JsonObject().put("_id", "project-scale-" + n).put("name", "项目 " + n).put("enterpriseId", "enterprise-" + n % 20_000)
                .put("liaisonId", "user-" + n % 400).put("district", n % 2 == 0 ? "district-pukou" : "district-other")
                .put("stage", "CONSTRUCTION").put("stageHistory", new JsonArray()).put("checklist", new JsonArray())
                .put("createdAt", MongoDocs.date(created));
    }
}
