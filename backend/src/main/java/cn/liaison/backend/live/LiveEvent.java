package cn.liaison.backend.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to a task, for the staff it concerns, as sent on the event stream.
 *
 * @param id       the Redis stream id: increasing, what a reconnect names in {@code Last-Event-ID}
 * @param type     {@code assigned}, {@code changed}, {@code reminder} or {@code escalated}
 * @param userIds  who may see it
 */
public record LiveEvent(String id, String type, String requestId, String number, String status, String action,
                        String title, String at, List<String> userIds) {

    public static final Set<String> TYPES = Set.of("assigned", "changed", "reminder", "escalated");

    public LiveEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        userIds = List.copyOf(userIds);
    }

    public LiveEvent withId(String newId) {
        return new LiveEvent(newId, type, requestId, number, status, action, title, at, userIds);
    }

    /** What the stream sends: everything but the audience. */
    public JsonObject toClientJson() {
        return new JsonObject().put("id", id).put("type", type).put("requestId", requestId).put("number", number)
                .put("status", status).put("action", action).put("title", title).put("at", at);
    }

    JsonObject toJson() {
        return toClientJson().put("userIds", new JsonArray(userIds));
    }

    static LiveEvent fromJson(JsonObject json) {
        return new LiveEvent(json.getString("id"), json.getString("type"), json.getString("requestId"),
                json.getString("number"), json.getString("status"), json.getString("action"), json.getString("title"),
                json.getString("at"), json.getJsonArray("userIds", new JsonArray()).stream().map(String::valueOf).toList());
    }
}
