package cn.liaison.backend.platform.http;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** One field-level problem inside a problem+json body: which field, and what is wrong with it. */
public record FieldError(String field, String detail) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    JsonObject toJson() {
        return new JsonObject().put("field", field).put("detail", detail);
    }
}
