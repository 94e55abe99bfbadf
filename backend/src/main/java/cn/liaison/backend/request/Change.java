package cn.liaison.backend.request;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.request.RequestStateMachine.Decision;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Accumulates one update: fields to set and unset, one history entry, notifications. */
final class Change {
    final JsonObject doc;
    final Actor actor;
    final Instant now;
    private final Action action;
    private final Decision decision;
    private final JsonObject set = new JsonObject();
    private final JsonObject unset = new JsonObject();
    private final JsonObject pushOther = new JsonObject();
    private final List<Notification> notifications = new ArrayList<>();
    private String note;
    private JsonObject data;

    Change(JsonObject doc, Action action, Decision decision, Actor actor, Instant now) {
        this.doc = doc;
        this.action = action;
        this.decision = decision;
        this.actor = actor;
        this.now = now;
    }

    Change set(String field, Object value) {
        set.put(field, value);
        return this;
    }

    Change unset(String field) {
        unset.put(field, "");
        return this;
    }

    Change push(String field, JsonObject value) {
        pushOther.put(field, value);
        return this;
    }

    Change pushValue(String field, Object value) {
        pushOther.put(field, value);
        return this;
    }

    Change note(String text) {
        note = text;
        return this;
    }

    Change data(JsonObject value) {
        data = value;
        return this;
    }

    Change notify(NotificationEvent event, List<String> recipients, String title, String text) {
        return notifyWith(event, recipients, title, text, java.util.Map.of());
    }

    /** A notification that also carries fields for a machine channel. */
    Change notifyWith(NotificationEvent event, List<String> recipients, String title, String text,
                      java.util.Map<String, String> fields) {
        List<String> present = recipients.stream().filter(r -> r != null && !r.isEmpty()).distinct().toList();
        if (!present.isEmpty()) {
            notifications.add(Events.notification(doc.getString("_id"), event, present, title, text, now, fields));
        }
        return this;
    }

    Future<Void> done() {
        return Future.succeededFuture();
    }

    String number() {
        return doc.getString("number");
    }

    String creatorId() {
        return doc.getJsonObject("createdBy", new JsonObject()).getString("id");
    }

    JsonObject toUpdate() {
        RequestTransitions.write(set, decision);
        unset.fieldNames().forEach(set::remove);
        JsonObject history = Events.history(now, actor, actor.isSystem() ? "SYSTEM" : "API",
                action, decision.from(), decision.to(), note, data);
        JsonObject push = Events.push(List.of(history), notifications);
        pushOther.forEach(e -> push.put(e.getKey(), e.getValue()));
        JsonObject update = new JsonObject().put("$set", set).put("$push", push);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        return update;
    }
}
