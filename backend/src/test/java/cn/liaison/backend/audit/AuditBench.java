package cn.liaison.backend.audit;

import cn.liaison.backend.platform.audit.AuditAction;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Seeds 100,000 audit lines (a year of a busy office) straight into the embedded store and times
 * the audit log's reads through the real {@link AuditLog}: the newest page, one action, one person,
 * one week, a page deep behind a cursor, and the retention job's batch of expired lines. Run by hand:
 * {@code java -cp backend/target/test-classes:backend/target/classes:<deps> cn.liaison.backend.audit.AuditBench}.
 */
public final class AuditBench {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("audit-bench");
        try (EmbeddedMongo embedded = EmbeddedMongo.start(dir)) {
            MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", embedded.connectionString())
                    .put("db_name", "bench"));
            AuditLog log = new AuditLog(mongo, java.time.Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), java.time.ZoneOffset.UTC));
            log.start().await(60, TimeUnit.SECONDS);
            Random random = new Random(7);
            Instant start = Instant.parse("2025-11-20T00:00:00Z");
            long seeding = System.nanoTime();
            List<BulkOperation> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Instant at = start.plusSeconds(i * 315L);
                AuditAction action = AuditAction.values()[random.nextInt(AuditAction.values().length)];
                String seq = AuditLog.seqAt(at.toEpochMilli()) + "-" + Integer.toHexString(i);
                batch.add(BulkOperation.createInsert(new JsonObject().put("_id", seq).put("seq", seq).put("at", MongoDocs.date(at))
                        .put("action", action.name()).put("actorId", "user-" + random.nextInt(300)).put("actorName", "某人")
                        .put("address", "10.0.0." + random.nextInt(250)).put("httpStatus", 200)));
                if (batch.size() == 1000) {
                    mongo.bulkWrite(AuditLog.COLLECTION, batch).await(120, TimeUnit.SECONDS);
                    batch = new ArrayList<>();
                }
            }
            System.out.printf("seeded %d lines in %d s%n", size, (System.nanoTime() - seeding) / 1_000_000_000L);
            long first = System.nanoTime();
            // the first read builds the in-memory indexes over what is stored (as after a start)
            String deep = log.page(new AuditLog.Query(null, null, null, null, null, 200)).await(900, TimeUnit.SECONDS)
                    .get(199).getString("seq");
            System.out.printf("first read (index build) %d ms%n", (System.nanoTime() - first) / 1_000_000L);
            time("newest page (50)", () -> log.page(new AuditLog.Query(null, null, null, null, null, 50)));
            time("one action (50)", () -> log.page(new AuditLog.Query(AuditAction.LOGIN_FAILED, null, null, null, null, 50)));
            time("one person (50)", () -> log.page(new AuditLog.Query(null, "user-42", null, null, null, 50)));
            time("one week (200)", () -> log.page(new AuditLog.Query(null, null, LocalDate.parse("2026-03-02"),
                    LocalDate.parse("2026-03-08"), null, 200)));
            time("after a cursor (50)", () -> log.page(new AuditLog.Query(null, null, null, null, deep, 50)));
            // ops/Retention's query on the expiry field: lines older than the term, a batch at a time (none here)
            JsonObject expired = new JsonObject().put("at", new JsonObject().put("$lt", MongoDocs.date(start.minusSeconds(86_400))));
            time("retention batch (none due)", () -> mongo.findWithOptions(AuditLog.COLLECTION, expired,
                    new io.vertx.ext.mongo.FindOptions().setLimit(500).setFields(new JsonObject().put("_id", 1))));
            System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
            mongo.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void time(String what, Supplier<io.vertx.core.Future<?>> query) throws Exception {
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            query.get().await(60, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("%-22s p50 %6.1f ms  p99 %6.1f ms%n", what, ms[15] / 1000.0, ms[29] / 1000.0);
    }
}
