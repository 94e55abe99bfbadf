package cn.liaison.backend.live;

import cn.liaison.backend.request.Action;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a stored request change into the event staff see live: its type, and its audience (the
 * liaison holding the task plus the staff the change notifies — a reassigned liaison, unit heads on
 * escalation or an extension request).
 */
final class TaskEvents {

    private static final Set<String> ENTERPRISE_EVENTS = java.util.stream.Stream.of(NotificationEvent.RECEIVED,
            NotificationEvent.RESPONDED, NotificationEvent.FORWARDED, NotificationEvent.RATING_INVITED, NotificationEvent.CLOSED)
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());

    private TaskEvents() {
    }

    static Optional<LiveEvent> of(JsonObject request, Action action) {
        Set<String> audience = new LinkedHashSet<>();
        if (request.getString("liaisonId") != null) {
            audience.add(request.getString("liaisonId"));
        }
        JsonArray history = request.getJsonArray("history", new JsonArray());
        JsonObject last = history.isEmpty() ? new JsonObject() : history.getJsonObject(history.size() - 1);
        Instant changedAt = MongoDocs.instant(last.getValue("at"));
        for (Object item : request.getJsonArray("outbox", new JsonArray())) {
            JsonObject entry = (JsonObject) item;
            if (changedAt != null && Objects.equals(changedAt, MongoDocs.instant(entry.getValue("createdAt")))
                    && !ENTERPRISE_EVENTS.contains(entry.getString("event"))) {
                entry.getJsonArray("recipients", new JsonArray()).forEach(r -> audience.add(String.valueOf(r)));
            }
        }
        if (audience.isEmpty()) {
            return Optional.empty();
        }
        // The change's own history entries: from the end back to the one of the reported action
        // (intake reports CREATE or ASSESS after also assessing and assigning in the same update).
        Set<Action> actions = java.util.EnumSet.of(action);
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonObject entry = history.getJsonObject(i);
            if (changedAt == null || !changedAt.equals(MongoDocs.instant(entry.getValue("at")))) {
                break;
            }
            Action step = Action.valueOf(entry.getString("action"));
            actions.add(step);
            if (step == action) {
                break;
            }
        }
        String at = changedAt == null ? null : MongoDocs.apiTime(changedAt);
        String title = request.getString("number") + " " + abbreviate(request.getString("content"));
        return Optional.of(new LiveEvent(null, type(actions), request.getString("_id"), request.getString("number"),
                request.getString("status"), action.name(), title, at, List.copyOf(audience)));
    }

    /** One change can hold several steps (intake: create, assess, assign): the weightiest names it. */
    static String type(Set<Action> actions) {
        if (actions.contains(Action.ESCALATE) || actions.contains(Action.OVERDUE)) {
            return "escalated";
        }
        if (actions.contains(Action.ASSIGN)) {
            return "assigned";
        }
        return actions.contains(Action.REMIND) ? "reminder" : "changed";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
