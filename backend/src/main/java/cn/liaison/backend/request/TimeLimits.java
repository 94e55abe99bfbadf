package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import static cn.liaison.backend.platform.store.MongoDocs.date;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out the time-limit events the SLA watcher finds due, as the system (actor
 * {@link Actor#SYSTEM}): the event is recorded on the request with its history entry and
 * notification in one update, which applies only while the request is still in the state the
 * event was computed for and the event was not recorded before (exactly once across instances).
 * A status change (closing an unrated request) is the state machine's decision on a
 * {@link Command}, written by {@link RequestTransitions}.
 */
@Published
public final class TimeLimits {

    /**
     * One due event.
     *
     * @param key        the event's key under {@code sla.} (e.g. {@code completion.80})
     * @param covers     earlier keys this one makes moot (recorded too)
     * @param status     the status the event was computed for
     * @param action     what the history records
     * @param command    the command to decide when the event changes the state (auto-close), else empty
     * @param escalation 1 (overdue) or 2 (escalated) when the event escalates, else 0
     * @param text       what happened, in words
     */
    public record Event(String key, List<String> covers, RequestStatus status, Action action, Optional<Command> command,
                        int escalation, String text, NotificationEvent notice, String title) {
    }

    private final RequestRepository repository;
    private final RequestListener listener;

    TimeLimits(RequestRepository repository, RequestListener listener) {
        this.repository = repository;
        this.listener = listener;
    }

    /** Whether the event was recorded now (false: another instance or an earlier pass did). */
    public Future<Boolean> record(JsonObject doc, Event event, List<String> recipients, Instant now) {
        JsonObject set = new JsonObject().put("sla." + event.key(), date(now));
        event.covers().forEach(k -> set.put("sla." + k, date(now)));
        RequestStatus to = event.status();
        if (event.command().isPresent()) {
            to = RequestTransitions.decideAndWrite(set, event.command().get(), doc).to();
            set.put("closedAt", date(now)).put("closedUnrated", true);
        }
        if (event.escalation() > 0) {
            set.put("escalation", new JsonObject().put("level", event.escalation()).put("at", date(now)));
        }
        JsonObject history = Events.history(now, Actor.SYSTEM, "SYSTEM", event.action(), event.status(), to,
                event.text(), new JsonObject().put("key", event.key()));
        List<Notification> notes = new ArrayList<>();
        if (!recipients.isEmpty()) {
            notes.add(Events.notification(doc.getString("_id"), event.notice(), recipients, event.title(),
                    "诉求 " + doc.getString("number") + "：" + event.text(), now));
        }
        JsonObject query = RequestTransitions.whileIn(event.status(), new JsonObject().put("_id", doc.getString("_id"))
                .put("sla." + event.key(), new JsonObject().put("$exists", false)));
        JsonObject update = new JsonObject().put("$set", set).put("$push", Events.push(List.of(history), notes));
        return repository.updateWhere(query, update)
                .onSuccess(after -> after.ifPresent(changed -> listener.changed(changed, event.action())))
                .map(Optional::isPresent);
    }
}
