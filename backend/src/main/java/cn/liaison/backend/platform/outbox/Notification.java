package cn.liaison.backend.platform.outbox;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message about a request to the people concerned, written into the request's outbox in the same
 * update as the change it reports, and delivered later by {@link OutboxDispatcher}.
 *
 * @param id           unique; lets a sender recognise a retry of something already delivered
 * @param recipientIds user ids (staff or enterprise users), or a reserved machine recipient such as
 *                     {@code platform:12345}
 * @param data         what a machine channel needs besides the text (e.g. a 12345 callback's fields);
 *                     empty for messages to people
 */
public record Notification(
        String id,
        String requestId,
        NotificationEvent event,
        List<String> recipientIds,
        String title,
        String text,
        Instant createdAt,
        Map<String, String> data) {

    public Notification(String id, String requestId, NotificationEvent event, List<String> recipientIds, String title,
                        String text, Instant createdAt) {
        this(id, requestId, event, recipientIds, title, text, createdAt, Map.of());
    }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        recipientIds = List.copyOf(recipientIds);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static Notification fromOutbox(String requestId, JsonObject entry) {
        return new Notification(entry.getString("id"), requestId, NotificationEvent.valueOf(entry.getString("event")),
                entry.getJsonArray("recipients", new JsonArray()).stream().map(String::valueOf).toList(),
                entry.getString("title"), entry.getString("text"), MongoDocs.instant(entry.getValue("createdAt")),
                data(entry.getJsonObject("data")));
    }

    private static java.util.Map<String, String> data(JsonObject data) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (data != null) {
            data.forEach(e -> {
                if (e.getValue() != null) {
                    out.put(e.getKey(), String.valueOf(e.getValue()));
                }
            });
        }
        return out;
    }
}
