package cn.liaison.backend.request;

import static cn.liaison.backend.platform.store.MongoDocs.date;
import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.request.RequestStateMachine.Decision;
import cn.liaison.backend.request.SlaPolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an allowed action into the one MongoDB update that records it: the new state and fields,
 * the history entry, and the notifications it causes (outbox), so none can be written without the
 * others.
 */
final class RequestEffects {

    private final UserDirectory users;
    private final UnitDirectory units;
    private final WorkingCalendar calendar;
    private final SlaPolicy policy;
    private final FollowUps followUps;

    RequestEffects(UserDirectory users, UnitDirectory units, WorkingCalendar calendar, SlaPolicy policy) {
        this.users = users;
        this.units = units;
        this.calendar = calendar;
        this.policy = policy;
        this.followUps = new FollowUps(users, calendar);
    }

    Future<JsonObject> update(Command command, JsonObject doc, Decision decision, Actor actor, Scope scope, Instant now) {
        Change change = new Change(doc, command.action(), decision, actor, now);
        Future<Void> applied = switch (command.action()) {
            case ASSESS -> assess((Command.Assess) command, change);
            case ASSIGN -> assign((Command.Assign) command, change, scope);
            case ACCEPT -> accept(change);
            case PROGRESS -> change.note(((Command.Progress) command).note()).done();
            case RESPOND -> respond((Command.Respond) command, change);
            case RETURN -> returnOrder((Command.Return) command, change);
            case FORWARD -> forward(((Command.Forward) command).department(), ((Command.Forward) command).note(), change);
            case EXTENSION -> requestExtension((Command.RequestExtension) command, change);
            case EXTENSION_APPROVE, EXTENSION_REJECT -> decideExtension((Command.DecideExtension) command, change);
            case RATE -> rate((Command.Rate) command, change);
            case CLOSE -> change.set("closedAt", date(now)).note(((Command.Close) command).note()).done();
            case NOTE, SUPPLEMENT, URGE -> followUps.apply(command, change);
            default -> Future.failedFuture(new IllegalStateException("no effect for " + command.action()));
        };
        return applied.map(v -> change.toUpdate());
    }

    private Future<Void> assess(Command.Assess command, Change change) {
        if (command.type() != null) {
            change.set("type", command.type().name());
        }
        if (command.category() != null) {
            change.set("category", command.category());
        }
        change.note(command.note()).unset("liaisonId").unset("liaisonName");
        String unitId = command.unitId() != null ? command.unitId() : change.doc.getString("unitId");
        Future<Void> unitChecked = command.unitId() == null ? Future.succeededFuture()
                : units.find(command.unitId()).compose(unit -> unit.isPresent() ? Future.succeededFuture()
                        : Future.failedFuture(new InvalidInputException("unitId", "单位不存在")));
        return unitChecked
                .compose(v -> new Districts(units).placeIn(unitId, change))
                .compose(v -> supervisorsOf(unitId))
                .map(heads -> {
                    change.set("unitId", unitId).notify(NotificationEvent.NEEDS_ASSIGNMENT, heads,
                            "诉求待分派", "诉求 " + change.number() + " 已重新研判，请分派联络员");
                    return null;
                });
    }

    private Future<Void> assign(Command.Assign command, Change change, Scope scope) {
        return users.find(command.liaisonId()).compose(found -> {
            StaffMember liaison = found.filter(m -> m.roles().contains(Role.LIAISON)).orElseThrow(
                    () -> new InvalidInputException("liaisonId", "联络员不存在"));
            if (!change.actor.isSystem() && !scope.supervises(liaison.unitId())) {
                throw new InvalidInputException("liaisonId", "只能分派给本单位及下级单位的联络员");
            }
            String previous = change.doc.getString("liaisonId");
            change.set("liaisonId", liaison.id()).set("liaisonName", liaison.name()).set("unitId", liaison.unitId())
                    .unset("acceptedAt").note(command.note())
                    .data(new JsonObject().put("liaisonId", liaison.id()).put("liaisonName", liaison.name()))
                    .notify(NotificationEvent.ASSIGNED, List.of(liaison.id()), previous == null ? "新任务" : "改派任务",
                            Events.assignedText(change.number()));
            if (previous != null && !previous.equals(liaison.id())) {
                change.notify(NotificationEvent.ASSIGNED, List.of(previous), "任务已改派",
                        "诉求 " + change.number() + " 已改派给" + liaison.name());
            }
            return new Districts(units).placeIn(liaison.unitId(), change);
        });
    }

    private Future<Void> accept(Change change) {
        change.set("liaisonId", change.actor.id()).set("liaisonName", change.actor.name()).set("acceptedAt", date(change.now));
        PlatformCallbacks.signed(change);
        return Future.succeededFuture();
    }

    /** 退单: the order goes back to the platform; whoever was assigned is told to stop. */
    private Future<Void> returnOrder(Command.Return command, Change change) {
        change.set("returned", new JsonObject().put("reason", command.reason().name())
                        .put("reasonLabel", command.reason().label()).put("note", command.note())
                        .put("at", date(change.now)).put("by", change.actor.name()))
                .note(command.note() == null ? command.reason().label() : command.reason().label() + "：" + command.note())
                .data(new JsonObject().put("reason", command.reason().name()))
                .notify(NotificationEvent.RETURNED, List.of(change.doc.getString("liaisonId", "")), "工单已退回",
                        "12345 工单 " + change.number() + " 已退回平台，无需继续办理");
        PlatformCallbacks.returned(change, command);
        return Future.succeededFuture();
    }

    private Future<Void> respond(Command.Respond command, Change change) {
        PlatformCallbacks.result(change, command);
        change.set("response", new JsonObject().put("result", command.result()).put("resolved", command.resolved())
                        .put("resolution", command.resolution().name())
                        .put("at", date(change.now)).put("by", change.actor.name()))
                .set("respondedAt", date(change.now))
                .note(command.result())
                .notify(NotificationEvent.RESPONDED, List.of(change.creatorId()), "诉求已答复",
                        "您的诉求 " + change.number() + " 已有答复，请查看并评价");
        return Future.succeededFuture();
    }

    Future<Void> forward(String department, String note, Change change) {
        change.set("forward", new JsonObject().put("department", department).put("note", note).put("at", date(change.now)))
                .note(note)
                .data(new JsonObject().put("department", department))
                .notify(NotificationEvent.FORWARDED, List.of(change.creatorId()), "诉求已转办",
                        "您反映的事项不属于人防业务，已转" + department + "办理");
        return Future.succeededFuture();
    }

    private Future<Void> requestExtension(Command.RequestExtension command, Change change) {
        change.set("extension", new JsonObject().put("state", RequestSnapshot.ExtensionState.PENDING.name()).put("workingDays", command.workingDays())
                        .put("reason", command.reason()).put("requestedAt", date(change.now))
                        .put("requestedBy", change.actor.name()))
                .note(command.reason())
                .data(new JsonObject().put("workingDays", command.workingDays()));
        PlatformCallbacks.extensionRequested(change, command);
        return supervisorsOf(change.doc.getString("unitId")).map(heads -> {
            change.notify(NotificationEvent.EXTENSION_REQUESTED, heads, "延期申请待审批",
                    "诉求 " + change.number() + " 申请延期 " + command.workingDays() + " 个工作日：" + command.reason());
            return null;
        });
    }

    private Future<Void> decideExtension(Command.DecideExtension command, Change change) {
        JsonObject extension = change.doc.getJsonObject("extension").copy()
                .put("state", (command.approve() ? RequestSnapshot.ExtensionState.APPROVED : RequestSnapshot.ExtensionState.REJECTED).name())
                .put("decidedAt", date(change.now))
                .put("decidedBy", change.actor.name());
        if (command.approve()) {
            boolean rework = change.doc.getString("status").equals(RequestStatus.REWORK.name());
            Instant due = instant(change.doc.getValue("activeDueAt"));
            Instant extended = calendar.deadline(due, extension.getInteger("workingDays")).toInstant();
            extension.put("previousDueAt", date(due)).put("dueAt", date(extended));
            change.set(rework ? "rework.dueAt" : "dueAt", date(extended)).set("activeDueAt", date(extended));
            change.set("calendarIncomplete", !complete(due, extended));
        }
        change.set("extension", extension).note(command.note())
                .notify(NotificationEvent.EXTENSION_DECIDED, List.of(change.doc.getString("liaisonId")),
                        command.approve() ? "延期已批准" : "延期未批准",
                        "诉求 " + change.number() + " 的延期申请" + (command.approve() ? "已批准" : "未获批准"));
        return Future.succeededFuture();
    }

    /** Whether every year from {@code from} to {@code to} had a holiday schedule when the deadline was set. */
    private boolean complete(Instant from, Instant to) {
        return calendar.completeBetween(from.atZone(WorkingCalendar.ZONE).toLocalDate(), to.atZone(WorkingCalendar.ZONE).toLocalDate());
    }

    private Future<Void> rate(Command.Rate command, Change change) {
        JsonObject rating = new JsonObject().put("level", command.level().name()).put("label", command.level().label())
                .put("comment", command.comment()).put("at", date(change.now));
        change.set("rating", rating).push("ratings", rating).note(command.comment())
                .data(new JsonObject().put("level", command.level().name()));
        if (!command.level().isBad()) {
            change.set("closedAt", date(change.now));
            return Future.succeededFuture();
        }
        int round = change.doc.getJsonObject("rework", new JsonObject()).getInteger("round", 0) + 1;
        Instant due = calendar.deadline(change.now, policy.reworkDays()).toInstant();
        change.set("rework", new JsonObject().put("round", round).put("at", date(change.now)).put("dueAt", date(due))
                        .put("reason", command.comment()))
                .set("activeDueAt", date(due))
                .set("calendarIncomplete", !complete(change.now, due));
        return supervisorsOf(change.doc.getString("unitId")).map(heads -> {
            List<String> recipients = new ArrayList<>(heads);
            if (change.doc.getString("liaisonId") != null) {
                recipients.add(change.doc.getString("liaisonId"));
            }
            change.notify(NotificationEvent.REWORK, recipients, "差评整改",
                    "诉求 " + change.number() + " 被评为「" + command.level().label() + "」，请在时限内整改并重新答复");
            return null;
        });
    }

    private Future<List<String>> supervisorsOf(String unitId) {
        return new Supervisors(users).of(unitId);
    }
}
