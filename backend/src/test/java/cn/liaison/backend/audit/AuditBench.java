package cn.liaison.backend.audit;

import cn.liaison.backend.platform.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log's reads at N stored lines, run by {@code deploy/bench.sh audit} (StoreBench times each
 * figure): lines seeded straight into the store, shaped as {@link AuditLog#record} writes them, with the
 * indexes {@link AuditCollections} declares; then pages read through {@link AuditLog#page} as
 * {@code GET /api/v1/audit} does, and the retention job's query on the expiry field. A year of lines:
 * mostly sign-ins, some exports and failed sign-ins, a few account and calendar changes.
 */
public final class AuditBench {

    private static final int PEOPLE = 300;

    private AuditBench() {
    }

    /** Seeds {@code size} lines into {@code client}'s store and times each page with {@code time}. */
    public static void run(MongoClient client, Instant now, int size, BiConsumer<String, Supplier<Future<?>>> time) {
        Random random = new Random(15);
        await(new AuditLog(client, Clock.fixed(now, ZoneOffset.UTC)).start());
        long t0 = System.nanoTime();
        List<BulkOperation> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(BulkOperation.createInsert(line(random, now.minusMillis((long) (random.nextDouble() * 365 * 86_400_000L)))));
            if (batch.size() == 1_000 || i == size - 1) {
                await(client.bulkWrite(AuditLog.COLLECTION, batch));
                batch = new ArrayList<>();
            }
        }
        System.out.printf("%n== audit log, %,d lines (seeded in %.1f s)%n", size, (System.nanoTime() - t0) / 1e9);
        AuditLog log = new AuditLog(client, Clock.fixed(now, ZoneOffset.UTC));
        long first = System.nanoTime();
        // the first read builds the in-memory indexes over what is stored (as after a start)
        String cursor = await(log.page(new AuditLog.Query(null, null, null, null, null, 50))).get(49).getString("seq");
        System.out.printf("%-34s %.2f s%n", "audit first read (index build)", (System.nanoTime() - first) / 1e9);
        Function<AuditLog.Query, Supplier<Future<?>>> page = q -> () -> log.page(q);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
        time.accept("audit first page", page.apply(new AuditLog.Query(null, null, null, null, null, 50)));
        time.accept("audit second page (cursor)", page.apply(new AuditLog.Query(null, null, null, null, cursor, 50)));
        time.accept("audit action=EXPORT_DOWNLOADED", page.apply(new AuditLog.Query(AuditAction.EXPORT_DOWNLOADED, null, null, null, null, 50)));
        time.accept("audit action=CALENDAR_LOADED", page.apply(new AuditLog.Query(AuditAction.CALENDAR_LOADED, null, null, null, null, 50)));
        time.accept("audit one person", () -> log.page(new AuditLog.Query(null, person(random), null, null, null, 50)));
        time.accept("audit person + LOGIN_FAILED", () -> log.page(new AuditLog.Query(AuditAction.LOGIN_FAILED, person(random),
                null, null, null, 50)));
        time.accept("audit one month (from/to)", page.apply(new AuditLog.Query(null, null, today.minusMonths(6).withDayOfMonth(1),
                today.minusMonths(6).withDayOfMonth(30), null, 50)));
        // ops/Retention's query on the expiry field: lines older than the term, a batch at a time (none due here)
        JsonObject expired = new JsonObject().put("at", new JsonObject().put("$lt",
                new JsonObject().put("$date", now.minusSeconds(400 * 86_400L).toString())));
        time.accept("audit retention batch (none due)", () -> client.findWithOptions(AuditLog.COLLECTION, expired,
                new FindOptions().setLimit(500).setFields(new JsonObject().put("_id", 1))));
    }

    private static String person(Random random) {
        return "user-" + random.nextInt(PEOPLE);
    }

    private static JsonObject line(Random random, Instant at) {
        int roll = random.nextInt(1_000);
        AuditAction action = roll < 700 ? AuditAction.LOGIN : roll < 800 ? AuditAction.LOGIN_FAILED : roll < 880 ? AuditAction.LOGOUT
                : roll < 960 ? AuditAction.EXPORT_DOWNLOADED : roll < 980 ? AuditAction.BINDING_APPROVED
                : roll < 990 ? AuditAction.KB_PUBLISHED : roll < 999 ? AuditAction.ACCOUNT_CHANGED : AuditAction.CALENDAR_LOADED;
        String seq = AuditLog.seqAt(at.toEpochMilli()) + "-" + Long.toHexString(random.nextLong() >>> 16);
        String actor = person(random);
        return new JsonObject().put("_id", seq).put("seq", seq).put("at", new JsonObject().put("$date", at.toString()))
                .put("action", action.name()).put("actorId", actor).put("actorName", "工作人员" + actor.substring(5))
                .put("role", "LIAISON").put("address", "10.0.0." + random.nextInt(250))
                .put("target", "requests-export").put("detail", "按月导出台账").put("httpStatus", 200);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(600, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
