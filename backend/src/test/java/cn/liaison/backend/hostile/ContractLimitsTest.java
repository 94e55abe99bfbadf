package cn.liaison.backend.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every string the contract describes has a maximum length, so no text field is unbounded. */
class ContractLimitsTest {

    @Test
    void everyStringSchemaHasAMaxLength() {
        List<String> unbounded = new ArrayList<>();
        walk("", new ContractInputs().contract(), unbounded);
        assertEquals(List.of(), unbounded);
    }

    private static void walk(String at, Object node, List<String> unbounded) {
        if (node instanceof JsonObject object) {
            Object type = object.getValue("type");
            boolean string = "string".equals(type) || type instanceof JsonArray types && types.contains("string");
            if (string && !object.containsKey("maxLength") && !at.contains("/examples") && !at.endsWith("/example")) {
                unbounded.add(at);
            }
            for (String key : object.fieldNames()) {
                walk(at + "/" + key, object.getValue(key), unbounded);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(at + "[" + i + "]", array.getValue(i), unbounded);
            }
        }
    }
}
