package cn.liaison.backend.notify;

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
}
