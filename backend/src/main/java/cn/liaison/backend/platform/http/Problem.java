package cn.liaison.backend.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail: the one error shape every endpoint returns. {@code title} and
 * {@code detail} are read by users, so they are in Chinese; {@code type} is a stable identifier
 * clients can switch on.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
        }
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors);
    }

    public JsonObject toJson(String requestId) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArray array = new JsonArray();
            errors.forEach(e -> array.add(e.toJson()));
            json.put("errors", array);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json;
    }
}
