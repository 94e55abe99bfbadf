package cn.liaison.backend.request;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds the two things every change writes in the same update: the history entry (台账: who, when,
 * what, from where) and the outbox entries for the notifications it causes.
 */
public final class Events {

    private Events() {
    }

    public static JsonObject history(Instant at, Actor actor, String via, Action action, RequestStatus from,
                              RequestStatus to, String note, JsonObject data) {
        JsonObject entry = new JsonObject()
                .put("at", MongoDocs.date(at))
                .put("actor", new JsonObject().put("id", actor.id()).put("name", actor.name()).put("role", actor.mainRole()))
                .put("via", via)
                .put("action", action.name())
                .put("actionLabel", action.label());
        if (action.internal()) {
            entry.put("internal", true);
        }
        if (from != null) {
            entry.put("from", from.name());
        }
        if (to != null) {
            entry.put("to", to.name());
        }
        if (note != null && !note.isBlank()) {
            entry.put("note", note);
        }
        if (data != null && !data.isEmpty()) {
            entry.put("data", data);
        }
        return entry;
    }

    public static Notification notification(String requestId, NotificationEvent event, List<String> recipients,
                                     String title, String text, Instant at) {
        return new Notification(UUID.randomUUID().toString(), requestId, event, recipients, title, text, at);
    }

    /** A notification for a machine recipient, carrying the fields it needs in {@code data}. */
    public static Notification notification(String requestId, NotificationEvent event, List<String> recipients,
                                            String title, String text, Instant at, java.util.Map<String, String> data) {
        return new Notification(UUID.randomUUID().toString(), requestId, event, recipients, title, text, at, data);
    }

    static JsonObject outbox(Notification n) {
        JsonObject entry = new JsonObject()
                .put("id", n.id())
                .put("event", n.event().name())
                .put("recipients", new JsonArray(List.copyOf(n.recipientIds())))
                .put("title", n.title())
                .put("text", n.text())
                .put("createdAt", MongoDocs.date(n.createdAt()))
                .put("attempts", 0)
                .put("nextAttemptAt", MongoDocs.date(n.createdAt()));
        if (!n.data().isEmpty()) {
            entry.put("data", new JsonObject(new java.util.HashMap<>(n.data())));
        }
        return entry;
    }

    /** The {@code $push} part of an update: history entries and outbox entries, each with {@code $each}. */
    public static JsonObject push(List<JsonObject> history, List<Notification> notifications) {
        JsonObject push = new JsonObject();
        if (!history.isEmpty()) {
            push.put("history", new JsonObject().put("$each", new JsonArray(List.copyOf(history))));
        }
        if (!notifications.isEmpty()) {
            JsonArray entries = new JsonArray();
            notifications.forEach(n -> entries.add(outbox(n)));
            push.put("outbox", new JsonObject().put("$each", entries));
        }
        return push;
    }

    /** What the liaison is told when a request is assigned to them (by a person or by assessment). */
    static String assignedText(String number) {
        return "诉求 " + number + " 已分派给您，请在时限内签收办理";
    }
}
