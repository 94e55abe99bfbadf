package cn.liaison.backend.platform.store;

import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitLevel;
import cn.liaison.backend.report.MonthlyReport;
import cn.liaison.backend.request.RequestRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Seeds 1k / 10k / 100k requests straight into the embedded store and times the service's hot
 * queries through the real driver and the real {@link RequestRepository} / {@link MonthlyReport}:
 * a request action ({_id, version}), the liaison's open-task count and inbox, the ledger's first
 * page, the outbox and SLA scans, the monthly summary; then start-up with the data stored and disk
 * per request against its BSON size. Run by {@code deploy/bench.sh}; {@code upstream} in the
 * arguments measures mongo-java-server's own planner for comparison.
 *
 * <p>Arguments: sizes (default 1000,10000,100000) and modes (default indexed; {@code upstream},
 * {@code both}); {@code audit} times the audit log's pages instead (at the sizes given); or {@code format} alone for {@link DocumentFormatBench}; or {@code seed N DIR} to leave N
 * requests in a service's DATA_DIR. Each figure is repeated until 200 samples or a 10 s budget, at least 3.
 */
public final class StoreBench {

    private static final int LIAISONS = 40;
    private static final int ENTERPRISES = 2_000;
    private static final String[] DISTRICTS = {"d-xw", "d-qh", "d-gl", "d-jy", "d-yh", "d-qx", "d-pk", "d-lh", "d-ls", "d-gc", "d-jn"};
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static final String TEXT = "我公司新建厂房地下室需配建防空地下室，请问易地建设费的标准和减免条件是什么，需要准备哪些材料，在哪里办理。";

    private final Vertx vertx = Vertx.vertx();
    private final Random random = new Random(19);

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("seed")) {
            StoreBench bench = new StoreBench();
            try {
                bench.seedInto(Integer.parseInt(args[1]), Path.of(args[2]));
            } finally {
                bench.vertx.close().await(10, TimeUnit.SECONDS);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("format")) {
            StoreBench bench = new StoreBench();
            try {
                DocumentFormatBench.run(bench::request);
            } finally {
                bench.vertx.close().await(10, TimeUnit.SECONDS);
            }
            return;
        }
        List<Integer> sizes = new ArrayList<>(List.of(1_000, 10_000, 100_000));
        List<Boolean> modes = new ArrayList<>(List.of(false));
        boolean audit = false;
        for (String arg : args) {
            if (arg.equals("audit")) {
                audit = true;
            } else if (arg.equals("upstream")) {
                modes = List.of(true);
            } else if (arg.equals("both")) {
                modes = List.of(true, false);
            } else {
                sizes = Arrays.stream(arg.split(",")).map(Integer::parseInt).toList();
            }
        }
        StoreBench bench = new StoreBench();
        try {
            if (audit) {
                for (int size : sizes) {
                    bench.audit(size);
                }
                return;
            }
            for (boolean upstream : modes) {
                for (int size : sizes) {
                    bench.run(size, upstream);
                }
            }
        } finally {
            bench.vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private void run(int size, boolean upstream) throws Exception {
        Path dir = Files.createTempDirectory("liaison-bench");
        String mode = upstream ? "upstream" : "indexed";
        List<String> ids = new ArrayList<>();
        long bsonBytes;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, upstream)) {
            MongoClient client = client(mongo);
            RequestRepository requests = new RequestRepository(client);
            long t0 = System.nanoTime();
            // declared first, as the service does at its first start on an empty store
            await(requests.ensureIndexes());
            bsonBytes = seed(client, size, ids);
            await(client.count("requests", new JsonObject()));
            System.out.printf("%n== %s, %,d requests (seeded in %.1f s, BSON %,d bytes/request)%n", mode, size,
                    (System.nanoTime() - t0) / 1e9, bsonBytes / size);
            measure(client, requests, ids);
            System.gc(); // what the figures left on the heap: mostly the store's read cache
            System.out.printf("%-34s %,d MB%n", "heap in use after the figures",
                    java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            await(client.close());
            long stop = System.nanoTime();
            mongo.close(); // a clean stop: the index file is kept (and written afresh if mostly stale)
            System.out.printf("%-34s %.2f s%n", "clean stop", (System.nanoTime() - stop) / 1e9);
        }
        long disk = Files.size(dir.resolve("mongo/liaison.mv.db"));
        Path indexFile = dir.resolve("mongo/liaison-indexes.mv.db");
        long indexDisk = Files.exists(indexFile) ? Files.size(indexFile) : 0;
        System.out.printf("%-34s %,d bytes/request (%.1f x BSON); index file %,d bytes/request%n", "disk", disk / size,
                (double) disk / bsonBytes, indexDisk / size);

        startToFirstPage(dir, upstream, "start-up to first ledger page");
        if (Files.exists(indexFile)) {
            Files.delete(indexFile); // what a start after a crash does: every index from the documents
            startToFirstPage(dir, upstream, "start-up, indexes rebuilt");
        }
        deleteTree(dir);
    }

    private void startToFirstPage(Path dir, boolean upstream, String label) throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, upstream)) {
            MongoClient client = client(mongo);
            RequestRepository requests = new RequestRepository(client);
            await(requests.ensureIndexes());
            await(requests.find(ledgerFilter(), ledgerSort(), 51));
            System.out.printf("%-34s %.2f s%n", label, (System.nanoTime() - t0) / 1e9);
            await(client.close());
        }
    }

    /** The audit log's pages at {@code size} lines (issue 15), through the real AuditLog. */
    private void audit(int size) throws Exception {
        Path dir = Files.createTempDirectory("liaison-bench");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir)) {
            MongoClient client = client(mongo);
            cn.liaison.backend.audit.AuditBench.run(client, NOW, size, this::time);
            await(client.close());
        }
        deleteTree(dir);
    }

    /** Leaves {@code size} requests in a service's DATA_DIR (its embedded store), to time a start of the jar. */
    private void seedInto(int size, Path dataDir) throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir)) {
            MongoClient client = client(mongo);
            await(new RequestRepository(client).ensureIndexes());
            long t0 = System.nanoTime();
            seed(client, size, new ArrayList<>());
            System.out.printf("seeded %,d requests into %s in %.1f s%n", size, dataDir, (System.nanoTime() - t0) / 1e9);
            await(client.close());
        }
    }

    private void measure(MongoClient client, RequestRepository requests, List<String> ids) {
        JsonArray active = new JsonArray(List.of("ASSIGNED", "IN_PROGRESS", "REWORK"));
        JsonArray watched = new JsonArray(List.of("RECEIVED", "ASSESSED", "ASSIGNED", "IN_PROGRESS", "RESPONDED", "REWORK"));
        time("request action {_id, version}", () -> {
            String id = ids.get(random.nextInt(ids.size()));
            return requests.find(id).compose(doc -> requests.update(id, doc.orElseThrow().getLong("version"),
                    new JsonObject().put("$set", new JsonObject().put("touchedAt", new JsonObject().put("$date", NOW.toString())))));
        });
        time("liaison open-task count", () -> requests.count(new JsonObject().put("liaisonId", liaison())
                .put("status", new JsonObject().put("$in", active))));
        time("liaison inbox", () -> requests.find(new JsonObject().put("liaisonId", liaison())
                .put("status", new JsonObject().put("$in", active)), new JsonObject().put("activeDueAt", 1), 500));
        time("ledger first page (city)", () -> requests.find(ledgerFilter(), ledgerSort(), 51));
        // request/Scope's filter for a liaison of a district: created by, assigned to, or open in their unit
        time("ledger first page (liaison)", () -> requests.find(new JsonObject().put("$and", new JsonArray()
                .add(new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("createdBy.id", liaison()))
                        .add(new JsonObject().put("liaisonId", liaison()))
                        .add(new JsonObject().put("unitId", DISTRICTS[random.nextInt(DISTRICTS.length)]).put("status",
                                new JsonObject().put("$in", watched)))))), ledgerSort(), 51));
        time("ledger first page (enterprise)", () -> requests.find(new JsonObject().put("enterpriseId", enterprise()),
                ledgerSort(), 51));
        time("outbox scan", () -> requests.withDueOutbox(NOW, 100));
        time("markOutboxAttempt {_id, outbox.id}", () -> {
            String id = ids.get(random.nextInt(ids.size()));
            return requests.markOutboxAttempt(id, "n-" + id, 1, NOW.plusSeconds(60), "bench");
        });
        time("SLA scan", () -> requests.find(new JsonObject().put("status", new JsonObject().put("$in", watched)),
                new JsonObject().put("activeDueAt", 1), 500));
        WorkingCalendar calendar = WorkingCalendar.fromResources(OfficeHours.DEFAULT);
        MonthlyReport report = new MonthlyReport(new cn.liaison.backend.request.RequestReadModel(client),
                new cn.liaison.backend.project.ProjectReadModel(client), calendar, Clock.fixed(NOW, ZoneOffset.UTC),
                new cn.liaison.backend.platform.work.ReportWork(vertx));
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("city", "市人防办", UnitLevel.CITY, null));
        for (String d : DISTRICTS) {
            units.add(new Unit(d, d, UnitLevel.DISTRICT, "city"));
        }
        time("monthly summary (city)", () -> report.compute(YearMonth.of(2026, 10), units, true));
        // added figures (issue 15's 谁在办): a unit head's summary, and the per-person figures on their own
        List<Unit> district = List.of(units.get(1));
        time("monthly summary (one district)", () -> report.compute(YearMonth.of(2026, 10), district, false));
        Instant from = YearMonth.of(2026, 10).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = YearMonth.of(2026, 11).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        List<JsonObject> month = await(new cn.liaison.backend.request.RequestReadModel(client)
                .timedIn(cn.liaison.backend.org.Places.all(), from, to, 50_000));
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        time("per-person figures (" + month.size() + " requests)", () -> Future.succeededFuture(
                cn.liaison.backend.report.PerformersTiming.compute(month, names, calendar, from, to)));
    }

    private static JsonObject ledgerFilter() {
        return new JsonObject();
    }

    private static JsonObject ledgerSort() {
        return new JsonObject().put("createdAt", -1).put("_id", -1);
    }

    private String liaison() {
        return "liaison-" + random.nextInt(LIAISONS);
    }

    private String enterprise() {
        return "ent-" + random.nextInt(ENTERPRISES);
    }

    private void time(String label, Supplier<Future<?>> op) {
        List<Long> samples = new ArrayList<>();
        long budgetEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        await(onContext(op)); // warm-up
        while (samples.size() < 200 && (samples.size() < 3 || System.nanoTime() < budgetEnd)) {
            long t0 = System.nanoTime();
            await(onContext(op));
            samples.add(System.nanoTime() - t0);
        }
        samples.sort(null);
        System.out.printf("%-34s p50 %8.1f ms   p99 %8.1f ms   (n=%d)%n", label,
                samples.get(samples.size() / 2) / 1e6, samples.get((int) Math.ceil(samples.size() * 0.99) - 1) / 1e6,
                samples.size());
    }

    /** As in the service: started on a Vert.x context (read streams such as aggregate need one). */
    private Future<?> onContext(Supplier<Future<?>> op) {
        io.vertx.core.Promise<Object> promise = io.vertx.core.Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> op.get().onComplete(r -> {
            if (r.succeeded()) {
                promise.complete(r.result());
            } else {
                promise.fail(r.cause());
            }
        }));
        return promise.future();
    }

    /** Requests shaped like the service's: mostly closed, about 6% open with a liaison, 1% with a due outbox entry. */
    private long seed(MongoClient client, int size, List<String> ids) {
        long bytes = 0;
        List<BulkOperation> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            JsonObject doc = request(i);
            ids.add(doc.getString("_id"));
            bytes += bsonSize(doc);
            batch.add(BulkOperation.createInsert(doc));
            if (batch.size() == 1_000 || i == size - 1) {
                await(client.bulkWrite("requests", batch));
                batch = new ArrayList<>();
            }
        }
        return bytes;
    }

    JsonObject request(int i) {
        String id = String.format("r-%08d", i);
        Instant created = NOW.minusSeconds((long) random.nextInt(365 * 86_400));
        int roll = random.nextInt(100);
        String status = roll < 2 ? "RECEIVED" : roll < 3 ? "ASSESSED" : roll < 5 ? "ASSIGNED" : roll < 8 ? "IN_PROGRESS"
                : roll < 9 ? "REWORK" : roll < 12 ? "RESPONDED" : roll < 20 ? "ANSWERED" : "CLOSED";
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String liaison = "liaison-" + random.nextInt(LIAISONS);
        JsonArray history = new JsonArray();
        for (int h = 0; h < 5; h++) {
            history.add(new JsonObject().put("at", date(created.plusSeconds(h * 3_600L))).put("action", "ACT" + h)
                    .put("by", new JsonObject().put("id", liaison).put("name", "联络员" + h).put("role", "LIAISON"))
                    .put("from", "ASSIGNED").put("to", "IN_PROGRESS").put("note", "已电话联系企业，约定现场查看时间。"));
        }
        JsonArray outbox = new JsonArray().add(new JsonObject().put("id", "n-" + id).put("event", "ASSIGNED").put("attempts", 0)
                .put("recipients", new JsonArray().add(liaison)).put("title", "新任务").put("text", "请签收").put("createdAt", date(created))
                .put("nextAttemptAt", date(random.nextInt(100) == 0 ? NOW.minusSeconds(30) : NOW.plusSeconds(86_400 * 30L))));
        return new JsonObject().put("_id", id).put("number", String.format("SQ2026-%08d", i)).put("version", 3L)
                .put("status", status).put("type", "CONSULT").put("channel", "MINIAPP").put("category", "FEE")
                .put("content", TEXT + TEXT).put("district", district).put("unitId", district).put("liaisonId", liaison)
                .put("enterpriseId", "ent-" + random.nextInt(ENTERPRISES))
                .put("createdBy", new JsonObject().put("id", "user-" + random.nextInt(5_000)).put("name", "企业用户"))
                .put("contact", new JsonObject().put("name", "张先生").put("phone", "13800000000"))
                .put("createdAt", date(created)).put("activeDueAt", date(created.plusSeconds(5 * 86_400L)))
                .put("respondedAt", date(created.plusSeconds(2 * 86_400L)))
                .put("history", history).put("outbox", outbox);
    }

    private static JsonObject date(Instant t) {
        return new JsonObject().put("$date", t.toString());
    }

    private static long bsonSize(JsonObject doc) {
        BsonDocument bson = BsonDocument.parse(doc.encode());
        return new RawBsonDocument(bson, new BsonDocumentCodec()).getByteBuffer().remaining();
    }

    private MongoClient client(EmbeddedMongo mongo) {
        return MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                .put("db_name", "liaison").put("socketTimeoutMS", 600_000));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(600, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
