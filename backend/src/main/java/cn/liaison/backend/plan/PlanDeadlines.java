package cn.liaison.backend.plan;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.sla.DeadlineClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan steps' time limits (job {@code plan-deadlines}): the request loop's rules
 * ({@link DeadlineClock}) on each open step — reminders at 50 % and 80 % to the step's owner,
 * overdue to the owner, the unit heads over the area and the leader in charge, escalation to the
 * city office after the configured working days. Each mark is recorded under {@code sla.step-<id>…}
 * in the same update that queues its notifications, so it is sent once.
 */
final class PlanDeadlines {

    static final Duration LEASE = Duration.ofSeconds(50);
    private static final int BATCH = 200;

    private final PlanStore store;
    private final PlanAudience audience;
    private final DeadlineClock rules;
    private final Clock clock;

    PlanDeadlines(PlanStore store, PlanAudience audience, DeadlineClock rules, Clock clock) {
        this.store = store;
        this.audience = audience;
        this.rules = rules;
        this.clock = clock;
    }

    /** One pass; the number of marks sent. */
    Future<Integer> runOnce() {
        Instant now = clock.instant();
        return store.running(now, BATCH).compose(plans -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (JsonObject plan : plans) {
                chain = chain.compose(n -> look(plan, now).map(sent -> n + sent));
            }
            return chain;
        });
    }

    private Future<Integer> look(JsonObject plan, Instant now) {
        JsonObject sent = plan.getJsonObject("sla", new JsonObject());
        List<DeadlineClock.Due> due = new ArrayList<>();
        List<JsonObject> dueSteps = new ArrayList<>();
        for (Object o : plan.getJsonArray("steps", new JsonArray())) {
            JsonObject step = (JsonObject) o;
            if (!PlanSteps.open(step)) {
                continue;
            }
            Optional<DeadlineClock.Due> mark = rules.due("step-" + step.getString("id"), true,
                    "服务方案「" + plan.getString("title") + "」步骤「" + step.getString("title") + "」",
                    MongoDocs.instant(step.getValue("startAt")), MongoDocs.instant(step.getValue("dueAt")), sent.fieldNames(), now);
            mark.ifPresent(m -> {
                due.add(m);
                dueSteps.add(step);
            });
        }
        Future<PlanAudience.Of> people = due.isEmpty() ? Future.succeededFuture() : audience.of(plan);
        return people.compose(to -> {
            JsonObject set = new JsonObject();
            PlanNotices notices = new PlanNotices(now);
            JsonObject marks = sent.copy();
            for (int i = 0; i < due.size(); i++) {
                DeadlineClock.Due m = due.get(i);
                set.put("sla." + m.key(), MongoDocs.date(now));
                marks.put(m.key(), true);
                m.covers().forEach(k -> {
                    set.put("sla." + k, MongoDocs.date(now));
                    marks.put(k, true);
                });
                List<String> recipients = new ArrayList<>(List.of(dueSteps.get(i).getString("ownerId")));
                if (m.mark() != DeadlineClock.Mark.REMIND) {
                    recipients.addAll(to.heads());
                }
                if (m.mark() == DeadlineClock.Mark.ESCALATE) {
                    recipients.addAll(to.city());
                }
                notices.add(NotificationEvent.PLAN_STEP_DUE, recipients, "服务方案时限", m.text());
            }
            Instant next = PlanSteps.lookAgain(plan.copy().put("sla", marks), now);
            set.put("nextDueAt", MongoDocs.date(next));
            JsonObject update = notices.pushInto(new JsonObject().put("$set", set), null);
            return store.update(plan.getString("_id"), plan.getLong("version", 0L), update).map(done -> done.isPresent() ? due.size() : 0);
        });
    }
}
