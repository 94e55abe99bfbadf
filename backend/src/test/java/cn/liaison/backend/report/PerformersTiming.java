package cn.liaison.backend.report;

import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.calendar.WorkingCalendar;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The per-person figures (谁在办) on their own: StoreBench times them over the month's requests it
 * read from the store; {@link #main} times them over the month's share of 100,000 requests shaped
 * like StoreBench's (and with sign-for, ratings, urges and rework, which StoreBench's seed lacks).
 */
public final class PerformersTiming {

    private PerformersTiming() {
    }

    public static JsonObject compute(List<JsonObject> docs, Map<String, String> unitNames, WorkingCalendar calendar,
                                     Instant from, Instant to) {
        return Performers.compute(docs, unitNames, calendar, from, to);
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        WorkingCalendar calendar = WorkingCalendar.fromResources(OfficeHours.DEFAULT);
        Instant now = Instant.parse("2026-11-20T02:00:00Z");
        Instant from = YearMonth.of(2026, 10).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = YearMonth.of(2026, 11).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Random random = new Random(19);
        List<JsonObject> month = new ArrayList<>();
        Map<String, String> units = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Instant created = now.minusSeconds(random.nextInt(365 * 86_400));
            Instant responded = created.plusSeconds(random.nextInt(6 * 86_400));
            String unit = "d-" + random.nextInt(11);
            units.put(unit, unit);
            JsonObject doc = new JsonObject().put("_id", "r-" + i).put("liaisonId", "liaison-" + random.nextInt(40))
                    .put("liaisonName", "联络员").put("unitId", unit).put("createdAt", date(created))
                    .put("acceptedAt", date(created.plusSeconds(3_600))).put("signDeadline", date(created.plusSeconds(7_200)))
                    .put("respondedAt", date(responded)).put("dueAt", date(created.plusSeconds(5 * 86_400L)))
                    .put("rating", new JsonObject().put("level", random.nextInt(10) == 0 ? "DISSATISFIED" : "SATISFIED")
                            .put("at", date(responded.plusSeconds(3_600))))
                    .put("urgedAt", new JsonArray().add(date(created.plusSeconds(86_400))));
            if (random.nextInt(20) == 0) {
                doc.put("rework", new JsonObject().put("at", date(responded.plusSeconds(7_200))));
            }
            // what the month's bounded read (RequestReadModel.timedIn) yields: anything that happened in it
            if (in(created, from, to) || in(responded, from, to) || in(responded.plusSeconds(3_600), from, to)) {
                month.add(doc);
            }
        }
        long[] ms = new long[20];
        long[] cpu = new long[20];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        compute(month, units, calendar, from, to); // warm-up
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            compute(month, units, calendar, from, to);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        // on the shared machine the wall time is mostly waiting for a core: the CPU time is the cost
        System.out.printf("per-person figures over %,d of %,d requests: wall p50 %d ms, p99 %d ms; CPU p50 %d ms (load %s)%n",
                month.size(), size, ms[10], ms[19], cpu[10], load());
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static JsonObject date(Instant t) {
        return new JsonObject().put("$date", t.toString());
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
