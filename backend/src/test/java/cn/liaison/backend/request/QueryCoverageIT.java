package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.QueryLog;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and indexes side by side: the real service runs a request through its life (create with
 * assessment and routing, the liaison's actions, rating), the ledger, the inbox, the CSV export,
 * the SLA scan and the outbox, every role's lists of plans, proactive tasks, inspections and the audit
 * log, the plan-deadline and retention jobs; the embedded store records every filter shape it was asked and the
 * index that served it. The test prints the list and fails if a request-path query on the requests
 * collection was answered by a full scan, or if the store serves an index the registry does not
 * declare (what a real MongoDB would then lack).
 */
class QueryCoverageIT {

    /** Hot collections: every filter on them must be index-served. */
    private static final Set<String> HOT = Set.of("requests", "counters", "users",
            "service_plans", "proactive_tasks", "inspections", "audit_log");

    @TempDir
    static Path dataDir;
    static LoopFixture loop;

    @BeforeAll
    static void start() throws Exception {
        loop = new LoopFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    @Test
    void everyRequestPathQueryIsServedByADeclaredIndex() throws Exception {
        QueryLog log = loop.app.port(cn.liaison.backend.platform.store.StoreBoot.class).embeddedMongo().orElseThrow().queryLog();
        log.clear();

        String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "项目人防地下室竣工验收需要现场踏勘，请协调尽快安排").put("projectId", "project-demo-1"))
                .getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "progress", new JsonObject().put("note", "已联系质监站，周三现场踏勘"));
        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已完成现场踏勘").put("resolved", true));
        loop.act("enterprise-1", id, "rate", new JsonObject().put("level", "SATISFIED"));
        for (String path : List.of("/api/v1/requests/" + id, "/api/v1/requests?limit=50", "/api/v1/tasks",
                "/api/v1/requests/export.csv")) {
            assertEquals(200, loop.get("pukou-liaison-1", path).statusCode(), path);
        }
        assertEquals(200, loop.get("enterprise-1", "/api/v1/requests?limit=50").statusCode());
        assertEquals(200, loop.get("city-admin", "/api/v1/requests?limit=50").statusCode());
        assertEquals(200, loop.get("city-admin", "/api/v1/reports/monthly?month=2026-11").statusCode());
        // a district's summary: its places and the month's events, two $ors side by side
        assertEquals(200, loop.get("pukou-head", "/api/v1/reports/monthly?month=2026-11").statusCode());
        // 一企一策 plans, proactive tasks, inspections and the audit log: every role's list, with and without a status
        for (String user : List.of("enterprise-1", "pukou-liaison-1", "pukou-head", "city-admin")) {
            for (String path : List.of("/api/v1/plans?limit=50", "/api/v1/plans?limit=50&status=ACTIVE")) {
                assertEquals(200, loop.get(user, path).statusCode(), user + " " + path);
            }
        }
        for (String user : List.of("pukou-liaison-1", "pukou-head", "city-admin")) {
            for (String path : List.of("/api/v1/proactive-tasks?limit=50", "/api/v1/proactive-tasks?limit=50&status=OPEN",
                    "/api/v1/inspections", "/api/v1/inspections?state=PLANNED")) {
                assertEquals(200, loop.get(user, path).statusCode(), user + " " + path);
            }
        }
        assertEquals(200, loop.get("enterprise-1", "/api/v1/me/inspections").statusCode());
        for (String path : List.of("/api/v1/audit?limit=50", "/api/v1/audit?action=LOGIN&limit=50",
                "/api/v1/audit?actorId=user-pukou-head&limit=50", "/api/v1/audit?from=2026-11-01&to=2026-11-30&limit=50")) {
            assertEquals(200, loop.get("city-admin", path).statusCode(), path);
        }
        for (String job : List.of("plan-deadlines", "retention")) {
            loop.app.runJob(job).await(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        loop.app.runJob("assess").await(30, java.util.concurrent.TimeUnit.SECONDS);
        loop.runScheduler();
        loop.deliverOutbox();
        // the outbox backlog gauge's filter (sampled every 15 s, so not within this test's run): it read every request
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            io.vertx.ext.mongo.MongoClient mongo = io.vertx.ext.mongo.MongoClient.create(vertx, new JsonObject()
                    .put("connection_string", loop.app.port(cn.liaison.backend.platform.store.StoreBoot.class).mongoUri())
                    .put("db_name", "liaison"));
            mongo.find("requests", cn.liaison.backend.ops.ProductGauges.withEntries()).await(30, java.util.concurrent.TimeUnit.SECONDS);
            mongo.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        List<QueryLog.Entry> entries = log.entries();
        System.out.println("Filter shapes asked of the embedded store, with the index that served each:");
        entries.forEach(e -> System.out.printf("  %-20s %-28s %s%n", e.collection(), e.plan(), e.shape()));

        List<QueryLog.Entry> scans = entries.stream().filter(e -> HOT.contains(e.collection()) && e.scanned()).toList();
        assertTrue(scans.isEmpty(), "request-path queries answered by a full scan: " + scans);
        assertTrue(entries.stream().anyMatch(e -> e.collection().equals("requests") && e.shape().startsWith("{_id: ?, version: ?")),
                "the versioned update was exercised: " + entries);

        // an index walk that does not pin the filter's equality reads every document it passes: the job assess walked
        // createdAt and read all older requests to find the few still RECEIVED
        assertTrue(entries.stream().anyMatch(e -> e.collection().equals("requests")
                        && e.shape().startsWith("{status: {$eq: ?}, createdAt: {$lt: ?}}") && e.plan().equals("status_1_createdAt_1")),
                "the job assess walks only RECEIVED requests: " + entries);

        Set<String> declared = IndexRegistry.all().entrySet().stream()
                .flatMap(c -> c.getValue().stream().map(s -> c.getKey() + " " + indexName(s.keys())))
                .collect(Collectors.toSet());
        for (QueryLog.Entry e : entries) {
            if (!e.plan().equals("unique") && !e.plan().equals("scan") && !e.plan().equals("all")) {
                // an $or is served branch by branch: "a|b" names each branch's index
                for (String index : e.plan().split("\\|")) {
                    assertTrue(declared.contains(e.collection() + " " + index),
                            e.collection() + " " + index + " serves queries but is not in IndexRegistry");
                }
            }
        }
    }

    private static String indexName(JsonObject keys) {
        return keys.fieldNames().stream().map(k -> k + "_" + keys.getValue(k)).collect(Collectors.joining("_"));
    }
}
