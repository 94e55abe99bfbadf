package cn.liaison.backend.sla;

import cn.liaison.backend.request.SlaPolicy;



import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.Intake;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.backend.request.RequestStatus;
import cn.liaison.backend.request.Command;
import cn.liaison.backend.request.Supervisors;
import cn.liaison.backend.request.TimeLimits;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-limit watcher: reminders at 50% and 80% of each clock, overdue at 100% with escalation
 * to the unit head and, two working days later, to the city office; rating invitations and
 * auto-closing of unrated requests; and assessment of requests left {@code RECEIVED}. One instance
 * at a time runs it (Redis lease); each event is recorded in the update that sends it, so it
 * happens exactly once across instances and restarts.
 */
public final class SlaScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
    /** Held by the jobs service around each pass, so one instance scans at a time. */
    public static final Duration LEASE = Duration.ofSeconds(55);
    private static final int BATCH = 500;
    private static final List<RequestStatus> WATCHED = List.of(RequestStatus.RECEIVED, RequestStatus.ASSESSED,
            RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.REWORK, RequestStatus.RESPONDED);

    private final RequestQueries requests;
    private final Intake intake;
    private final Supervisors supervisors;
    private final SlaRules rules;
    private final Clock clock;
    private final TimeLimits timeLimits;

    public SlaScheduler(RequestQueries requests, Intake intake, UserDirectory users, SlaRules rules,
                        Clock clock, TimeLimits timeLimits) {
        this.timeLimits = timeLimits;
        this.requests = requests;
        this.intake = intake;
        this.supervisors = new Supervisors(users);
        this.rules = rules;
        this.clock = clock;
    }

    public static SlaRules rules(cn.liaison.backend.calendar.WorkingCalendar calendar, SlaPolicy policy) {
        return new SlaRules(calendar, policy);
    }

    /** One pass; returns how many events were applied. Run it as the job "sla", under its lease. */
    public Future<Integer> runOnce() {
        return cn.liaison.backend.platform.telemetry.Meters.timed(cn.liaison.backend.platform.telemetry.Meters.SLA_SCAN, this::scan);
    }

    private Future<Integer> scan() {
        Instant now = clock.instant();
        return requests.dueFirst(WATCHED, BATCH).compose(docs -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (JsonObject doc : docs) {
                chain = chain.compose(count -> handle(doc, now).map(applied -> count + (applied ? 1 : 0)));
            }
            return chain;
        });
    }

    private Future<Boolean> handle(JsonObject doc, Instant now) {
        if (RequestStatus.RECEIVED.name().equals(doc.getString("status"))) {
            Instant created = cn.liaison.backend.platform.store.MongoDocs.instant(doc.getValue("createdAt"));
            return created.isBefore(now.minusSeconds(60))
                    ? intake.assess(doc).map(after -> !RequestStatus.RECEIVED.name().equals(after.getString("status")))
                    : Future.succeededFuture(false);
        }
        Optional<SlaRules.Event> event = rules.due(doc, now);
        if (event.isEmpty()) {
            return Future.succeededFuture(false);
        }
        return apply(doc, event.get(), now).recover(e -> {
            LOG.warn("Time-limit event {} for request {} failed: {}", event.get().key(), doc.getString("number"), e.toString());
            return Future.succeededFuture(false);
        });
    }

    private Future<Boolean> apply(JsonObject doc, SlaRules.Event event, Instant now) {
        SlaRules.Kind kind = event.kind();
        TimeLimits.Event due = new TimeLimits.Event(event.key(), event.covers(), RequestStatus.valueOf(event.status()),
                action(kind), kind == SlaRules.Kind.CLOSE_UNRATED ? Optional.of(new Command.Close(event.text())) : Optional.empty(),
                kind == SlaRules.Kind.ESCALATE ? 2 : kind == SlaRules.Kind.OVERDUE ? 1 : 0, event.text(),
                notificationEvent(kind), title(kind));
        return recipients(doc, event.audience()).compose(recipients -> timeLimits.record(doc, due, recipients, now));
    }

    private Future<List<String>> recipients(JsonObject doc, List<SlaRules.Audience> audience) {
        List<Future<List<String>>> parts = new ArrayList<>();
        String unitId = doc.getString("unitId");
        for (SlaRules.Audience who : audience) {
            parts.add(switch (who) {
                case LIAISON -> doc.getString("liaisonId") != null
                        ? Future.succeededFuture(List.of(doc.getString("liaisonId")))
                        : supervisors(unitId);
                case UNIT_HEADS -> supervisors(unitId);
                case CITY_ADMINS -> supervisors.cityAdmins();
                case CREATOR -> Future.succeededFuture(List.of(doc.getJsonObject("createdBy").getString("id")));
            });
        }
        return Future.all(parts).map(done -> parts.stream().flatMap(f -> f.result().stream()).distinct().toList());
    }

    private Future<List<String>> supervisors(String unitId) {
        return supervisors.of(unitId);
    }

    private static Action action(SlaRules.Kind kind) {
        return switch (kind) {
            case REMIND -> Action.REMIND;
            case OVERDUE -> Action.OVERDUE;
            case ESCALATE -> Action.ESCALATE;
            case INVITE_RATING -> Action.INVITE_RATING;
            case CLOSE_UNRATED -> Action.CLOSE;
        };
    }

    private static NotificationEvent notificationEvent(SlaRules.Kind kind) {
        return switch (kind) {
            case REMIND -> NotificationEvent.REMINDER;
            case OVERDUE -> NotificationEvent.OVERDUE;
            case ESCALATE -> NotificationEvent.ESCALATED;
            case INVITE_RATING -> NotificationEvent.RATING_INVITED;
            case CLOSE_UNRATED -> NotificationEvent.CLOSED;
        };
    }

    private static String title(SlaRules.Kind kind) {
        return switch (kind) {
            case REMIND -> "办理时限提醒";
            case OVERDUE -> "诉求已超期";
            case ESCALATE -> "超期升级督办";
            case INVITE_RATING -> "邀请您评价";
            case CLOSE_UNRATED -> "诉求已办结";
        };
    }
}
