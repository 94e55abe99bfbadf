package cn.liaison.bots.hotline12345;

import java.util.List;
import java.util.Map;

/** A message from the platform with fields that cannot be used; names every bad field. */
public final class InvalidOrderException extends RuntimeException {

    private final transient Map<String, String> fields;

    public InvalidOrderException(Map<String, String> fields) {
        super("invalid fields: " + List.copyOf(fields.keySet()), null, false, false);
        this.fields = Map.copyOf(fields);
    }

    /** Field name → what is wrong with it (Chinese, for the platform's operators). */
    public Map<String, String> fields() {
        return fields;
    }
}
