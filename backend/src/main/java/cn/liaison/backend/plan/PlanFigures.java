package cn.liaison.backend.plan;

import cn.liaison.backend.platform.Published;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Query port for the monthly summary: one {@link Fact} per plan alive during a period (opened
 * before its end, not closed before its start), read with only the fields needed and at most
 * {@link #MAX} plans.
 */
@Published
public final class PlanFigures {

    public static final int MAX = 50_000;

    /** What one plan contributes to a month. */
    public record Fact(String district, String parkId, boolean major, boolean opened, boolean closed, boolean open,
                       int stepsDone, int stepsDoneLate, int stepsOverdue, int visits, String rating, boolean reopened) {
    }

    private final PlanStore store;

    PlanFigures(PlanStore store) {
        this.store = store;
    }

    /** @param units the districts and parks to count (null: everywhere) */
    public Future<List<Fact>> between(Instant from, Instant to, Instant asOf, List<String> units) {
        // not closed: a plan gets closedAt exactly when it becomes CLOSED, which it never leaves, so the
        // other statuses name the same plans and let the status index serve this branch
        JsonArray running = new JsonArray(Arrays.stream(PlanStatus.values()).filter(s -> s != PlanStatus.CLOSED).map(Enum::name).toList());
        JsonArray alive = new JsonArray()
                .add(new JsonObject().put("status", new JsonObject().put("$in", running))
                        .put("createdAt", new JsonObject().put("$lt", MongoDocs.date(to)))
                        .put("closedAt", new JsonObject().put("$exists", false)))
                .add(new JsonObject().put("createdAt", new JsonObject().put("$lt", MongoDocs.date(to)))
                        .put("closedAt", new JsonObject().put("$gte", MongoDocs.date(from))));
        JsonObject fields = new JsonObject().put("district", 1).put("parkId", 1).put("projectId", 1).put("createdAt", 1)
                .put("closedAt", 1).put("steps", 1).put("visits", 1).put("rating", 1).put("reopenedAt", 1).put("status", 1);
        ZoneId zone = MongoDocs.ZONE;
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate end = to.atZone(zone).toLocalDate();
        return store.touched(units, alive, fields, MAX).map(docs -> docs.stream().map(d -> {
            Instant created = MongoDocs.instant(d.getValue("createdAt"));
            Instant closed = MongoDocs.instant(d.getValue("closedAt"));
            int done = 0;
            int late = 0;
            int overdue = 0;
            for (Object o : d.getJsonArray("steps", new JsonArray())) {
                JsonObject s = (JsonObject) o;
                Instant doneAt = MongoDocs.instant(s.getValue("doneAt"));
                Instant due = MongoDocs.instant(s.getValue("dueAt"));
                if (in(doneAt, from, to)) {
                    done++;
                    late += due != null && doneAt.isAfter(due) ? 1 : 0;
                } else if (doneAt == null && due != null && due.isBefore(asOf)) {
                    overdue++;
                }
            }
            int visits = (int) d.getJsonArray("visits", new JsonArray()).stream().map(JsonObject.class::cast)
                    .map(v -> LocalDate.parse(v.getString("date"))).filter(day -> !day.isBefore(first) && day.isBefore(end)).count();
            JsonObject rating = d.getJsonObject("rating");
            String level = rating != null && in(MongoDocs.instant(rating.getValue("at")), from, to) ? rating.getString("level") : null;
            return new Fact(d.getString("district"), d.getString("parkId"), d.getString("projectId") != null,
                    in(created, from, to), in(closed, from, to), closed == null || !closed.isBefore(to),
                    done, late, overdue, visits, level, in(MongoDocs.instant(d.getValue("reopenedAt")), from, to));
        }).toList());
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
