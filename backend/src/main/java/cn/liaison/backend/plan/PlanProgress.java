package cn.liaison.backend.plan;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.domain.RatingLevel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moving a plan on: steps added and worked, accompanied visits (陪跑) logged, the enterprise's
 * confirmation and rating. Every change is one versioned update carrying its history entry and
 * the notifications it causes; a change that loses a race is tried again on the fresh plan.
 */
final class PlanProgress {

    private static final int RETRIES = 3;
    private static final int MAX_VISITS = 200;

    /** What one change does to a plan (already checked), given the stored plan and the scope. */
    private interface Change {
        String apply(JsonObject plan, PlanScope scope, PlanNotices notices, Instant now, PlanAudience.Of to);
    }

    private final PlanService plans;
    private final PlanStore store;
    private final PlanPeople people;
    private final PlanInput input;
    private final PlanAudience audience;
    private final int reworkDays;
    private final Clock clock;

    PlanProgress(PlanService plans, PlanStore store, PlanPeople people, PlanInput input, PlanAudience audience,
                 int reworkDays, Clock clock) {
        this.plans = plans;
        this.store = store;
        this.people = people;
        this.input = input;
        this.audience = audience;
        this.reworkDays = reworkDays;
        this.clock = clock;
    }

    Future<JsonObject> addStep(String id, JsonObject body, Principal who) {
        JsonObject step = input.step(body, "step", clock.instant());
        return people.staff(step.getString("ownerId"), "ownerId").compose(owner -> change(id, who, (plan, scope, notices, now, to) -> {
            staffOnly(scope, plan);
            if (plan.getJsonArray("steps").size() >= PlanInput.MAX_STEPS) {
                throw PlanProblem.invalid("title", "一个方案最多 " + PlanInput.MAX_STEPS + " 个步骤");
            }
            step.put("ownerName", owner.getString("name"));
            plan.getJsonArray("steps").add(step);
            if (!plan.getJsonArray("people").contains(owner.getString("id"))) {
                plan.getJsonArray("people").add(owner.getString("id"));
            }
            if (PlanStatus.AWAITING_CONFIRMATION.name().equals(plan.getString("status"))) {
                plan.put("status", PlanStatus.ACTIVE.name());
            }
            notices.add(NotificationEvent.PLAN_ASSIGNED, List.of(owner.getString("id")), "服务方案步骤",
                    "服务方案「" + plan.getString("title") + "」新增步骤「" + step.getString("title") + "」由您负责，期限 " + step.getString("dueOn"));
            return "新增步骤「" + step.getString("title") + "」（" + owner.getString("name") + "，期限 " + step.getString("dueOn") + "）";
        }));
    }

    Future<JsonObject> updateStep(String id, String stepId, JsonObject body, Principal who) {
        StepState state = StepState.valueOf(body.getString("state"));
        String note = PlanInput.text(body, "note", false, 500);
        return change(id, who, (plan, scope, notices, now, to) -> {
            staffOnly(scope, plan);
            if (!PlanStatus.ACTIVE.name().equals(plan.getString("status"))) {
                throw PlanProblem.conflict("方案当前为「" + PlanStatus.valueOf(plan.getString("status")).label() + "」，不能再改步骤");
            }
            JsonObject step = PlanSteps.find(plan, stepId);
            step.put("state", state.name()).put("note", note);
            if (state == StepState.DONE) {
                step.put("doneAt", MongoDocs.date(now));
            } else {
                step.remove("doneAt");
            }
            if (state == StepState.DONE) {
                String text = "服务方案「" + plan.getString("title") + "」的步骤「" + step.getString("title") + "」已完成";
                String words = "步骤已完成";
                if (PlanSteps.allDone(plan)) {
                    plan.put("status", PlanStatus.AWAITING_CONFIRMATION.name());
                    text = "服务方案「" + plan.getString("title") + "」的步骤已全部完成，请在小程序确认";
                    words = "待您确认";
                }
                notices.progress(to.enterprise(), plan, words, text);
            }
            return "步骤「" + step.getString("title") + "」→ " + state.label() + (note == null ? "" : "：" + note);
        });
    }

    /** 陪跑: who went with the enterprise, where, what was done on the spot (边跑边办、即查即改). */
    Future<JsonObject> logVisit(String id, JsonObject body, Principal who) {
        String place = PlanInput.text(body, "place", true, 200);
        String actions = PlanInput.text(body, "actions", true, 2000);
        List<String> companions = PlanInput.texts(body.getJsonArray("companions"), "companions", 20, 60);
        List<String> fixed = PlanInput.texts(body.getJsonArray("fixedOnSpot"), "fixedOnSpot", 20, 500);
        LocalDate date = date(body.getString("date"), clock.instant());
        return change(id, who, (plan, scope, notices, now, to) -> {
            staffOnly(scope, plan);
            if (date.isAfter(now.atZone(MongoDocs.ZONE).toLocalDate()) || date.isBefore(now.atZone(MongoDocs.ZONE).toLocalDate().minusYears(5))) {
                throw PlanProblem.invalid("date", "陪跑日期应在近五年内，且不晚于今天");
            }
            if (plan.getJsonArray("visits").size() >= MAX_VISITS) {
                throw PlanProblem.invalid("date", "一个方案最多记录 " + MAX_VISITS + " 次陪跑");
            }
            List<String> went = new ArrayList<>(List.of(who.name()));
            went.addAll(companions);
            plan.getJsonArray("visits").add(new JsonObject().put("id", UUID.randomUUID().toString().substring(0, 8))
                    .put("date", date.toString()).put("place", place).put("staff", new JsonArray(went))
                    .put("actions", actions).put("fixedOnSpot", new JsonArray(fixed))
                    .put("byId", who.userId()).put("createdAt", MongoDocs.date(now)));
            return "陪跑：" + date + " " + place;
        });
    }

    Future<JsonObject> confirm(String id, Principal who) {
        return change(id, who, (plan, scope, notices, now, to) -> {
            enterpriseOnly(scope, plan);
            if (!PlanStatus.AWAITING_CONFIRMATION.name().equals(plan.getString("status"))) {
                throw PlanProblem.conflict("方案还有未完成的步骤，暂不能确认");
            }
            plan.put("status", PlanStatus.CONFIRMED.name()).put("confirmedAt", MongoDocs.date(now));
            notices.add(NotificationEvent.PLAN_PROGRESS, to.team(), "企业已确认服务方案办结",
                    "企业已确认服务方案「" + plan.getString("title") + "」办结，等待评价");
            return "企业确认办结";
        });
    }

    /** Rated like a request: 不满意 / 非常不满意 reopen the plan with a rectification step. */
    Future<JsonObject> rate(String id, JsonObject body, Principal who) {
        RatingLevel level = RatingLevel.valueOf(body.getString("level"));
        String comment = PlanInput.text(body, "comment", false, 2000);
        return change(id, who, (plan, scope, notices, now, to) -> {
            enterpriseOnly(scope, plan);
            if (!PlanStatus.CONFIRMED.name().equals(plan.getString("status"))) {
                throw PlanProblem.conflict("请先确认办结再评价");
            }
            plan.put("rating", new JsonObject().put("level", level.name()).put("label", level.label()).put("comment", comment)
                    .put("at", MongoDocs.date(now)).put("round", plan.getInteger("round", 0)));
            if (!level.isBad()) {
                plan.put("status", PlanStatus.CLOSED.name()).put("closedAt", MongoDocs.date(now));
                return "企业评价：" + level.label();
            }
            JsonObject lead = plan.getJsonObject("agency").getJsonObject("lead");
            JsonObject rework = input.step(new JsonObject().put("title", "整改：" + (comment == null ? level.label() : comment))
                    .put("ownerId", lead.getString("id")).put("workingDays", reworkDays), "rework", now)
                    .put("ownerName", lead.getString("name"));
            plan.getJsonArray("steps").add(rework);
            plan.put("status", PlanStatus.ACTIVE.name()).put("round", plan.getInteger("round", 0) + 1)
                    .put("reopenedAt", MongoDocs.date(now));
            List<String> reopenedTo = new ArrayList<>(to.heads());
            reopenedTo.add(lead.getString("id"));
            notices.add(NotificationEvent.PLAN_REOPENED, reopenedTo, "服务方案差评整改",
                    "企业对服务方案「" + plan.getString("title") + "」评价为「" + level.label() + "」，方案已重新打开，请在 "
                            + rework.getString("dueOn") + " 前整改");
            return "企业评价：" + level.label() + "，方案重新打开整改";
        });
    }

    private Future<JsonObject> change(String id, Principal who, Change change) {
        return attempt(id, who, change, RETRIES);
    }

    private Future<JsonObject> attempt(String id, Principal who, Change change, int left) {
        Instant now = clock.instant();
        return Future.all(plans.visible(id, who), plans.scopeOf(who))
                .compose(all -> audience.of(all.resultAt(0)).map(to -> List.<Object>of(all.resultAt(0), all.resultAt(1), to)))
                .compose(all -> {
            JsonObject plan = ((JsonObject) all.get(0)).copy();
            PlanScope scope = (PlanScope) all.get(1);
            PlanAudience.Of to = (PlanAudience.Of) all.get(2);
            long version = plan.getLong("version", 0L);
            PlanNotices notices = new PlanNotices(now);
            String what = change.apply(plan, scope, notices, now, to);
            PlanSteps.refreshNextDue(plan, now);
            JsonObject set = new JsonObject().put("updatedAt", MongoDocs.date(now));
            for (String f : List.of("steps", "visits", "status", "people", "round", "confirmedAt", "rating", "reopenedAt", "closedAt")) {
                if (plan.getValue(f) != null) {
                    set.put(f, plan.getValue(f));
                }
            }
            JsonObject update = new JsonObject().put("$set", set.put("nextDueAt", plan.getValue("nextDueAt")));
            notices.pushInto(update, PlanJson.event(now, who, what));
            return store.update(id, version, update).compose(updated -> {
                if (updated.isPresent()) {
                    return Future.succeededFuture(PlanJson.full(updated.get(), scope.isStaffFor(updated.get()), now));
                }
                return left > 1 ? attempt(id, who, change, left - 1)
                        : Future.failedFuture(PlanProblem.conflict("方案刚被他人修改，请刷新后重试"));
            });
        });
    }

    private static void staffOnly(PlanScope scope, JsonObject plan) {
        if (!scope.isStaffFor(plan)) {
            throw PlanProblem.forbidden("只有方案的工作人员可以办理");
        }
    }

    private static void enterpriseOnly(PlanScope scope, JsonObject plan) {
        if (!scope.isEnterprise(plan)) {
            throw PlanProblem.forbidden("只有方案所服务的企业可以确认和评价");
        }
    }

    private static LocalDate date(String text, Instant now) {
        if (text == null) {
            return now.atZone(MongoDocs.ZONE).toLocalDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw PlanProblem.invalid("date", "日期格式应为 YYYY-MM-DD");
        }
    }
}
