package cn.liaison.backend.ops;

import cn.liaison.backend.platform.telemetry.JsonLogEncoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.store.MongoDocs;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Metrics, request-scoped JSON logs, retention and backup/restore on one running service (metrics
 * on a management port, embedded stores, the test's clock, a notification channel that can fail).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    @TempDir
    static Path dir;
    static final MutableClock CLOCK = MutableClock.at("2026-11-23T09:30:00+08:00");
    static final RecordingNotifier CHANNEL = new RecordingNotifier();
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dir.resolve("a"), Map.of("METRICS_PORT", "0"), cn.liaison.backend.StartOptions.defaults()
                .withClock(CLOCK).withNotifierAndManualJobs(CHANNEL).withRoutes(List.of(countingRoute()), OperationsIT::withCountingOperation));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Every metric family the issue names, by its Prometheus name. */
    static final List<String> EXPORTED = List.of(
            "vertx_http_server_requests_total", "vertx_http_server_response_time_seconds_bucket", "vertx_http_client_",
            "vertx_pool_", "jvm_memory_used_bytes", "mongodb_driver_pool_size", "mongodb_driver_pool_checkedout",
            "mongodb_driver_pool_waitqueuesize", "mongodb_driver_commands_seconds_count",
            "liaison_event_loop_lag_seconds", "liaison_store_up", "liaison_outbox_backlog", "liaison_outbox_oldest_age_seconds",
            "liaison_requests_submitted_total", "liaison_requests_assigned_total", "liaison_requests_overdue_total",
            "liaison_requests_escalated_total", "liaison_notifications_failed_total", "liaison_sla_scan_seconds",
            "liaison_sla_events_total", "liaison_kb_questions_total", "liaison_kb_latency_seconds_bucket",
            "liaison_kb_index_build_seconds", "liaison_kb_index_ready", "liaison_sse_connections",
            "liaison_login_failures_total", "liaison_login_lockouts_total");

    @Test
    @org.junit.jupiter.api.Order(1)
    void metricsEndpointExportsTheNamedMetrics() throws Exception {
        // five checked wrong passwords, then the throttle refuses the sixth unchecked: every answer the same 401
        for (int i = 1; i <= 6; i++) {
            assertEquals(401, app.sendJson("POST", "/api/v1/auth/login", null,
                    new JsonObject().put("username", "pukou-liaison-2").put("password", "wrong-password-" + i).encode()).statusCode());
        }
        assertEquals(200, app.get("/api/v1/kb/answer?q=" + URLEncoder.encode("人防工程易地建设费怎么收", StandardCharsets.UTF_8)).statusCode());
        String enterprise = app.loginAs("enterprise-1");
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", enterprise, new JsonObject()
                .put("type", "DEMAND").put("content", "请协调人防竣工验收现场踏勘").put("projectId", "project-demo-1").encode());
        assertEquals(201, created.statusCode(), created.body());
        CHANNEL.failNext(100);
        app.runJob("outbox").await(30, TimeUnit.SECONDS);
        CLOCK.set(Instant.parse("2026-12-01T02:00:00Z"));
        for (int i = 0; i < 4; i++) {
            app.runJob("sla").await(30, TimeUnit.SECONDS);
        }
        CLOCK.set(Instant.parse("2026-12-03T01:00:00Z"));
        for (int i = 0; i < 2; i++) {
            app.runJob("sla").await(30, TimeUnit.SECONDS);
        }
        CLOCK.set(Instant.parse("2026-11-23T01:30:00Z"));

        // The service's outgoing calls (12345 callbacks, WeCom) use Vert.x's HTTP client; one call stands in.
        app.app().platform().vertx().createHttpClient().request(io.vertx.core.http.HttpMethod.GET, app.app().port(), "127.0.0.1", "/health/live")
                .compose(request -> request.send()).compose(response -> response.body()).await(10, TimeUnit.SECONDS);

        String metrics = scrape();
        Files.writeString(Path.of("target", "ops-metrics.txt"), metrics);
        List<String> missing = EXPORTED.stream().filter(name -> !metrics.contains("\n" + name)).toList();
        assertEquals(List.of(), missing, "missing from /metrics (see target/ops-metrics.txt)");
        assertTrue(metrics.lines().anyMatch(l -> l.matches("liaison_requests_submitted_total\\{channel=\"\\w+\",unit=\"[^\"]+\"} [1-9].*")),
                "submitted requests counted by channel and unit");
        assertTrue(metrics.lines().anyMatch(l -> l.matches("liaison_requests_overdue_total\\{channel=\"\\w+\",unit=\"[a-z-]*pukou[a-z-]*\"} [1-9].*")),
                "overdue counted with the request's unit");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("vertx_pool_") && l.contains("pool_type=\"redis\"")),
                "the Redis client's pool");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mongodb_driver_commands_seconds_count") && l.contains("command=\"find\"")),
                "the MongoDB driver's commands");
        assertTrue(metrics.contains("liaison_notifications_failed_total{channel=\"" + CHANNEL.name() + "\",code=\"illegalstate\"}"),
                "failure counted by channel and code");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("liaison_login_lockouts_total") && l.endsWith(" 1.0")),
                "five wrong passwords lock the account once");
        assertEquals(404, app.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port(cn.liaison.backend.ops.Operations.class).managementPort() + "/other")).GET()).statusCode());
        assertEquals(404, app.get("/metrics").statusCode(), "the public port does not serve metrics");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void everyMetricTheDashboardAndAlertsNameIsExported() throws Exception {
        String metrics = scrape();
        java.util.Set<String> exported = metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(java.util.stream.Collectors.toSet());
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("\\b((?:liaison|vertx|jvm)_[a-z_]+)\\b");
        int checked = 0;
        for (String file : List.of("monitoring/alerts.yml", "monitoring/grafana-dashboard.json")) {
            java.util.regex.Matcher m = name.matcher(Files.readString(Path.of("..", "deploy", file)));
            while (m.find()) {
                checked++;
                String named = m.group(1);
                assertTrue(exported.contains(named), file + " names " + named + ", which /metrics does not export");
            }
        }
        assertTrue(checked > 20, "the files name the service's metrics");
    }

    static String scrape() throws Exception {
        int port = app.port(cn.liaison.backend.ops.Operations.class).managementPort();
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).GET());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    // ---- logs ---------------------------------------------------------------------------------

    static final org.slf4j.Logger SERVICE_LOG = LoggerFactory.getLogger("cn.liaison.backend.test.Counting");

    /** A test operation whose handler logs after a Mongo round trip, as a service does. */
    static Routes countingRoute() {
        return builder -> builder.getRoute("testCount").addHandler(rc -> app.app().platform().stores().mongo()
                .count("users", new JsonObject())
                .onSuccess(n -> {
                    SERVICE_LOG.info("counted {} users; caller phone 13812345678, header Bearer abc.def.ghi", n);
                    rc.response().end("ok");
                })
                .onFailure(rc::fail));
    }

    static JsonObject withCountingOperation(JsonObject contract) {
        contract.getJsonObject("paths").put("/api/v1/test-count", new JsonObject().put("get", new JsonObject()
                .put("operationId", "testCount").put("x-roles", new io.vertx.core.json.JsonArray().add("PUBLIC"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")))));
        return contract;
    }

    @Test
    void aServiceLogLineAfterAMongoHopCarriesTheRequestContextAsJson() throws Exception {
        Capture capture = Capture.attach();
        try {
            String token = app.loginAs("city-admin");
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/test-count"))
                    .header("Authorization", "Bearer " + token).header("X-Request-Id", "ops-log-test-0001").GET());
            assertEquals(200, response.statusCode(), response.body());
            JsonObject line = capture.lines.stream().map(JsonObject::new)
                    .filter(l -> l.getString("msg").startsWith("counted")).findFirst().orElseThrow();
            assertEquals("ops-log-test-0001", line.getString("requestId"));
            assertEquals("test-count", line.getString("feature"));
            assertTrue(line.getString("userId").startsWith("user-"), line.encode());
            assertTrue(line.getString("msg").contains("138****5678") && !line.getString("msg").contains("13812345678"), line.encode());
            assertTrue(line.getString("msg").contains("Bearer ***") && !line.getString("msg").contains("abc.def"), line.encode());
            assertTrue(capture.lines.stream().noneMatch(l -> l.contains("13812345678")));
            assertFalse(line.getString("userId").contains("管理"), "an id, never a name");
        } finally {
            capture.detach();
        }
        assertTrue(capture.lines.stream().map(JsonObject::new).filter(l -> l.getString("logger").equals("access"))
                .allMatch(l -> l.containsKey("requestId")), "the access log line is written inside the request too");
    }

    /** Encodes each event as the JSON format does, on the thread that logs (as the console appender does). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final JsonLogEncoder encoder = new JsonLogEncoder();

        static Capture attach() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Capture capture = new Capture();
            capture.setContext(context);
            capture.encoder.setContext(context);
            capture.encoder.start();
            capture.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
            return capture;
        }

        void detach() {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
        }
    }

    // ---- retention ----------------------------------------------------------------------------

    @Test
    void retentionDeletesExpiredDocumentsInBoundedBatches() throws Exception {
        var mongo = app.app().platform().stores().mongo();
        Instant now = Instant.parse("2027-06-01T00:00:00Z");
        JsonArray docs = new JsonArray();
        for (int i = 0; i < 2_500; i++) {
            docs.add(new JsonObject().put("_id", "old-" + i).put("at", MongoDocs.date(now.minus(Duration.ofDays(400)))));
        }
        for (int i = 0; i < 7; i++) {
            docs.add(new JsonObject().put("_id", "new-" + i).put("at", MongoDocs.date(now.minus(Duration.ofDays(10)))));
        }
        for (Object doc : docs) {
            mongo.insert("retention_probe", (JsonObject) doc).await(10, TimeUnit.SECONDS);
        }
        Retention retention = new Retention(mongo, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC),
                List.of(new Retention.Rule("retention_probe", "at", Duration.ofDays(365))));
        assertEquals(2_500L, retention.runOnce().await(60, TimeUnit.SECONDS));
        assertEquals(7L, mongo.count("retention_probe", new JsonObject()).await(10, TimeUnit.SECONDS));
        assertEquals(0L, retention.runOnce().await(60, TimeUnit.SECONDS), "nothing left to expire");
    }

    // ---- backup and restore -------------------------------------------------------------------

    @Test
    void aBackupTakenWhileRunningRestoresWhatWasWritten() throws Exception {
        String enterprise = app.loginAs("enterprise-1");
        String before = new JsonObject(app.sendJson("POST", "/api/v1/requests", enterprise, new JsonObject()
                .put("type", "CONSULT").put("content", "备份之前提交的诉求").put("projectId", "project-demo-1").encode()).body()).getString("id");
        assertEquals(403, app.sendJson("POST", "/api/v1/admin/backups", enterprise, "").statusCode());
        HttpResponse<String> made = app.sendJson("POST", "/api/v1/admin/backups", app.loginAs("city-admin"), "");
        assertEquals(201, made.statusCode(), made.body());
        Path zip = Path.of(new JsonObject(made.body()).getString("file"));
        String after = new JsonObject(app.sendJson("POST", "/api/v1/requests", enterprise, new JsonObject()
                .put("type", "CONSULT").put("content", "备份之后提交的诉求").put("projectId", "project-demo-1").encode()).body()).getString("id");

        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        assertEquals(1, Backups.restore(dir.resolve("a"), zip, System.out), "the running service's store is locked");
        assertEquals(0, Backups.restore(restored, zip, System.out));
        // The signing key and the demo passwords live beside the store, not in it.
        Files.copy(dir.resolve("a/jwt-secret"), restored.resolve("jwt-secret"));
        Files.copy(dir.resolve("a/demo-accounts.json"), restored.resolve("demo-accounts.json"));
        try (TestApp second = TestApp.start(restored)) {
            String admin = second.loginAs("city-admin");
            assertEquals(200, second.get("/api/v1/requests/" + before, admin).statusCode());
            assertEquals(404, second.get("/api/v1/requests/" + after, admin).statusCode());
        }
    }
}
