package cn.liaison.backend.plan;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Step bookkeeping shared by progress and the deadline job. */
final class PlanSteps {

    /** The deadline job looks at a running plan at least this often (reminders are hourly precise). */
    static final Duration LOOK_AGAIN = Duration.ofHours(1);

    private PlanSteps() {
    }

    static boolean open(JsonObject step) {
        return !StepState.DONE.name().equals(step.getString("state"));
    }

    static boolean allDone(JsonObject plan) {
        JsonArray steps = plan.getJsonArray("steps", new JsonArray());
        return !steps.isEmpty() && steps.stream().map(JsonObject.class::cast).noneMatch(PlanSteps::open);
    }

    /**
     * When the deadline job should next look at the plan: now for a plan with open steps (the job
     * then pushes it an hour on, or to the earliest deadline not yet marked overdue if sooner);
     * never (absent) for a plan without open steps or not running.
     */
    static void refreshNextDue(JsonObject plan, Instant at) {
        Instant next = nextDue(plan, at);
        if (next == null) {
            plan.remove("nextDueAt");
        } else {
            plan.put("nextDueAt", MongoDocs.date(next));
        }
    }

    static Instant nextDue(JsonObject plan, Instant at) {
        if (!PlanStatus.ACTIVE.name().equals(plan.getString("status"))) {
            return null;
        }
        JsonObject sent = plan.getJsonObject("sla", new JsonObject());
        boolean watched = plan.getJsonArray("steps", new JsonArray()).stream().map(JsonObject.class::cast)
                .anyMatch(step -> open(step) && !sent.containsKey("step-" + step.getString("id") + "City"));
        return watched ? at : null;
    }

    /** After a look: an hour on, or the earliest deadline not yet marked overdue when that is sooner. */
    static Instant lookAgain(JsonObject plan, Instant now) {
        if (nextDue(plan, now) == null) {
            return null;
        }
        JsonObject sent = plan.getJsonObject("sla", new JsonObject());
        Instant next = now.plus(LOOK_AGAIN);
        for (Object o : plan.getJsonArray("steps", new JsonArray())) {
            JsonObject step = (JsonObject) o;
            Instant due = MongoDocs.instant(step.getValue("dueAt"));
            if (open(step) && due != null && due.isAfter(now) && due.isBefore(next)
                    && !sent.containsKey("step-" + step.getString("id") + "Overdue")) {
                next = due;
            }
        }
        return next;
    }

    static JsonObject find(JsonObject plan, String stepId) {
        return plan.getJsonArray("steps", new JsonArray()).stream().map(JsonObject.class::cast)
                .filter(s -> stepId.equals(s.getString("id"))).findFirst().orElseThrow(() -> PlanProblem.notFoundStep());
    }
}
