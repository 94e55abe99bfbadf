package cn.liaison.backend.plan;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A plan as the API shows it: labels next to states, Beijing times, progress counted. */
final class PlanJson {

    static final JsonObject SUMMARY_FIELDS = new JsonObject().put("title", 1).put("enterpriseId", 1).put("enterpriseName", 1)
            .put("projectId", 1).put("projectName", 1).put("district", 1).put("parkId", 1).put("status", 1)
            .put("steps", 1).put("createdAt", 1).put("updatedAt", 1).put("leaderName", 1).put("rating", 1);

    private PlanJson() {
    }

    static JsonObject event(Instant at, Principal who, String what) {
        return new JsonObject().put("at", MongoDocs.date(at)).put("by", new JsonObject().put("id", who.userId())
                .put("name", who.name())).put("what", what);
    }

    static JsonObject summary(JsonObject doc, Instant now) {
        JsonArray steps = doc.getJsonArray("steps", new JsonArray());
        long done = steps.stream().map(JsonObject.class::cast).filter(s -> !PlanSteps.open(s)).count();
        long overdue = steps.stream().map(JsonObject.class::cast).filter(s -> overdue(s, now)).count();
        PlanStatus status = PlanStatus.valueOf(doc.getString("status"));
        JsonObject out = new JsonObject().put("id", doc.getString("_id")).put("title", doc.getString("title"))
                .put("enterpriseId", doc.getString("enterpriseId")).put("enterpriseName", doc.getString("enterpriseName"))
                .put("district", doc.getString("district"))
                .put("status", status.name()).put("statusLabel", status.label())
                .put("progress", new JsonObject().put("steps", steps.size()).put("done", done).put("overdue", overdue)
                        .put("percent", steps.isEmpty() ? 0 : Math.round(done * 100.0 / steps.size())))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("createdAt"))))
                .put("updatedAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("updatedAt"))));
        copy(doc, out, "projectId", "projectName", "parkId", "leaderName");
        JsonObject rating = doc.getJsonObject("rating");
        if (rating != null) {
            out.put("rating", new JsonObject().put("level", rating.getString("level")).put("label", rating.getString("label"))
                    .put("comment", rating.getString("comment")).put("at", MongoDocs.apiTime(MongoDocs.instant(rating.getValue("at")))));
        }
        return out;
    }

    /** Everything; {@code staff} adds the agency team, the history and failed notifications. */
    static JsonObject full(JsonObject doc, boolean staff, Instant now) {
        JsonObject out = summary(doc, now).put("goal", doc.getString("goal"))
                .put("items", doc.getJsonArray("items", new JsonArray()))
                .put("round", doc.getInteger("round", 0));
        copy(doc, out, "demand", "leaderId");
        JsonArray steps = new JsonArray();
        doc.getJsonArray("steps", new JsonArray()).stream().map(JsonObject.class::cast).forEach(s -> {
            StepState state = StepState.valueOf(s.getString("state"));
            JsonObject step = new JsonObject().put("id", s.getString("id")).put("title", s.getString("title"))
                    .put("ownerId", s.getString("ownerId")).put("ownerName", s.getString("ownerName"))
                    .put("state", state.name()).put("stateLabel", state.label()).put("dueOn", s.getString("dueOn"))
                    .put("dueAt", MongoDocs.apiTime(MongoDocs.instant(s.getValue("dueAt"))))
                    .put("overdue", overdue(s, now));
            copy(s, step, "note");
            if (s.getValue("doneAt") != null) {
                step.put("doneAt", MongoDocs.apiTime(MongoDocs.instant(s.getValue("doneAt"))));
            }
            steps.add(step);
        });
        out.put("steps", steps);
        JsonArray visits = new JsonArray();
        doc.getJsonArray("visits", new JsonArray()).stream().map(JsonObject.class::cast).forEach(v -> visits.add(v.copy()
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(v.getValue("createdAt"))))));
        out.put("visits", visits);
        JsonObject agency = doc.getJsonObject("agency", new JsonObject());
        out.put("agency", new JsonObject().put("lead", agency.getJsonObject("lead"))
                .put("helpers", agency.getJsonArray("helpers", new JsonArray())));
        if (doc.getValue("confirmedAt") != null) {
            out.put("confirmedAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("confirmedAt"))));
        }
        if (staff) {
            JsonArray history = new JsonArray();
            doc.getJsonArray("history", new JsonArray()).stream().map(JsonObject.class::cast).forEach(h -> history.add(h.copy()
                    .put("at", MongoDocs.apiTime(MongoDocs.instant(h.getValue("at"))))));
            out.put("history", history).put("version", doc.getLong("version", 0L))
                    .put("failedNotifications", doc.getJsonArray("failedNotifications", new JsonArray()).size());
        }
        return out;
    }

    static boolean overdue(JsonObject step, Instant now) {
        Instant due = MongoDocs.instant(step.getValue("dueAt"));
        Instant done = MongoDocs.instant(step.getValue("doneAt"));
        return due != null && (done != null ? done.isAfter(due) : now.isAfter(due));
    }

    private static void copy(JsonObject from, JsonObject to, String... fields) {
        for (String f : fields) {
            if (from.getValue(f) != null) {
                to.put(f, from.getValue(f));
            }
        }
    }
}
