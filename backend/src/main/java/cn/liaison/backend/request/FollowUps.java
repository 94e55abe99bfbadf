package cn.liaison.backend.request;

import static cn.liaison.backend.platform.store.MongoDocs.date;
import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that add to a request without moving it: a staff-only note (内部备注), the enterprise's
 * supplement (补充说明) and urge (催办). An urge reaches the liaison (or, with none yet, the unit
 * heads); the second and later urges also reach the unit heads. At most one urge counts per
 * working day: an urge on a day off belongs to the next working day.
 */
final class FollowUps {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final UserDirectory users;
    private final WorkingCalendar calendar;

    FollowUps(UserDirectory users, WorkingCalendar calendar) {
        this.users = users;
        this.calendar = calendar;
    }

    Future<Void> apply(Command command, Change change) {
        if (command instanceof Command.Note note) {
            return change.note(note.note()).done();
        }
        if (command instanceof Command.Supplement supplement) {
            return supplement(supplement, change);
        }
        if (command instanceof Command.Urge urge) {
            return urge(urge, change);
        }
        return Future.failedFuture(new IllegalStateException("not a follow-up: " + command.action()));
    }

    private Future<Void> supplement(Command.Supplement command, Change change) {
        JsonObject data = new JsonObject();
        if (!command.attachmentIds().isEmpty()) {
            data.put("attachmentIds", new JsonArray(command.attachmentIds()));
        }
        change.note(command.text()).data(data);
        return handlers(change, false).map(to -> {
            change.notify(NotificationEvent.SUPPLEMENTED, to, "企业补充说明",
                    "诉求 " + change.number() + " 企业补充：" + abbreviate(command.text()));
            return null;
        });
    }

    private Future<Void> urge(Command.Urge command, Change change) {
        JsonObject urges = change.doc.getJsonObject("urges", new JsonObject());
        LocalDate today = workingDayOf(change.now);
        Instant last = instant(urges.getValue("lastAt"));
        if (last != null && !workingDayOf(last).isBefore(today)) {
            LocalDate next = calendar.addWorkingDays(today, 1);
            throw new UrgeTooSoonException("每个工作日只能催办一次，" + DAY.format(next) + "起可再次催办");
        }
        int round = urges.getInteger("count", 0) + 1;
        // urgedAt keeps every urge's time for the monthly summary; urges is the running state.
        change.set("urges", new JsonObject().put("count", round).put("lastAt", date(change.now)))
                .pushValue("urgedAt", date(change.now))
                .note(command.note()).data(new JsonObject().put("round", round));
        return handlers(change, round >= 2).map(to -> {
            change.notify(NotificationEvent.URGED, to, round >= 2 ? "企业再次催办" : "企业催办",
                    "诉求 " + change.number() + " 企业第 " + round + " 次催办" + (command.note() == null ? ""
                            : "：" + abbreviate(command.note())) + "，请尽快办理");
            return null;
        });
    }

    /** The liaison holding the request; the unit heads too when asked, or when there is no liaison yet. */
    private Future<List<String>> handlers(Change change, boolean withHeads) {
        String liaison = change.doc.getString("liaisonId");
        if (liaison != null && !withHeads) {
            return Future.succeededFuture(List.of(liaison));
        }
        return new Supervisors(users).of(change.doc.getString("unitId")).map(heads -> {
            List<String> to = new ArrayList<>();
            if (liaison != null) {
                to.add(liaison);
            }
            to.addAll(heads);
            return to;
        });
    }

    private LocalDate workingDayOf(Instant at) {
        return calendar.workingDayOnOrAfter(at.atZone(WorkingCalendar.ZONE).toLocalDate());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
