package cn.liaison.backend.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Hostile inputs generated from the contract, reproducibly from a seed: for one operation, a
 * request whose path, query, body or headers are wrong in one way (wrong types, missing and extra
 * fields, boundary and huge numbers, over-long strings, invalid UTF-8, lone surrogates, control
 * characters, bidi overrides, operator-shaped keys and values, path tricks, bad cursors and dates,
 * wrong content types, oversize bodies and URLs).
 */
final class ContractInputs {

    /** One operation of the contract, its $refs resolved. */
    record Operation(String id, String method, String path, List<JsonObject> parameters, JsonObject bodySchema,
                     List<String> roles, boolean streams) {
    }

    /** One generated request. {@code rawBody} wins over {@code body} when set (bytes that are not text). */
    record Probe(String kind, String method, String path, String contentType, String body, byte[] rawBody) {
    }

    static final List<String> HOSTILE_STRINGS = List.of(
            "\\ud800", "a\\udc00b", "\\u0000", "x\\u0007y", "\\u0085", "\\u009b[31m", "\\u202eevil", "\\u2066x\\u2069",
            "$where", "{\\\"$gt\\\":\\\"\\\"}", "../../etc/passwd", "%00", "' OR '1'='1", "<script>alert(1)</script>",
            "", " ", "\\n\\n\\n", "😀");
    static final List<String> HOSTILE_VALUES = List.of(
            "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}", "[]", "[[[[[]]]]]", "null", "true", "1e999", "-1e999",
            "9223372036854775808", "-9223372036854775809", "9007199254740993", "-0", "1.5", "0", "-1", "2147483648",
            "\"2026-02-30\"", "\"9999-99-99\"", "\"not-a-date\"", "{}", "\"\"");
    static final List<String> PATH_TRICKS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00", "%ED%A0%80", "%C0%AF", "%24where", "%7B%22%24gt%22%3A%22%22%7D",
            "%E2%80%AE", "%0A", "a%20b", "x".repeat(300), "%F0%9F%98%80", "CON", "*", "-1", "1e999");
    static final List<String> QUERY_VALUES = List.of(
            "%ED%A0%80", "%FF", "%00", "%0D%0A", "%E2%80%AE", "%7B%22%24gt%22%3A%22%22%7D", "%24where", "2026-13-45",
            "yesterday", "99999999999999999999", "-1", "0", "1e3", "NaN", "!!!", "x".repeat(3000), "", "%5B%5D",
            "2026-02-30", "..%2F");

    private final JsonObject contract;

    ContractInputs() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.yaml")) {
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            contract = new JsonObject(parsed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonObject contract() {
        return contract;
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        JsonObject paths = contract.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject op) || !op.containsKey("operationId")) {
                    continue;
                }
                List<JsonObject> params = new ArrayList<>();
                for (Object p : item.getJsonArray("parameters", new JsonArray())) {
                    params.add(resolve((JsonObject) p));
                }
                for (Object p : op.getJsonArray("parameters", new JsonArray())) {
                    params.add(resolve((JsonObject) p));
                }
                JsonObject body = null;
                JsonObject requestBody = op.getJsonObject("requestBody");
                if (requestBody != null) {
                    JsonObject content = resolve(requestBody).getJsonObject("content", new JsonObject());
                    JsonObject json = content.getJsonObject("application/json");
                    body = json == null ? new JsonObject().put("x-not-json", content.fieldNames().iterator().next())
                            : resolve(json.getJsonObject("schema", new JsonObject()));
                }
                boolean streams = op.encode().contains("text/event-stream");
                List<String> roles = op.getJsonArray("x-roles", new JsonArray()).stream().map(String::valueOf).toList();
                out.add(new Operation(op.getString("operationId"), method.toUpperCase(), path, params, body, roles, streams));
            }
        }
        return out;
    }

    /** Follows {@code $ref} (local only) until a non-reference. */
    JsonObject resolve(JsonObject node) {
        JsonObject current = node;
        for (int i = 0; i < 10 && current.containsKey("$ref"); i++) {
            String ref = current.getString("$ref");
            JsonObject target = contract;
            for (String part : ref.substring(2).split("/")) {
                target = target.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    /** A value the schema accepts, as far as a simple reading of it goes. */
    Object plausible(JsonObject schema, int depth) {
        schema = resolve(schema);
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").getValue(0);
        }
        Object type = schema.getValue("type");
        String t = type instanceof JsonArray a ? String.valueOf(a.getValue(0)) : type == null ? "object" : type.toString();
        String pattern = schema.getString("pattern", "");
        return switch (t) {
            case "string" -> pattern.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? "2026-11-20"
                    : pattern.contains("[0-9]{4}-(0[1-9]") ? "2026-11"
                    : "date-time".equals(schema.getString("format")) ? "2026-11-20T10:00:00+08:00"
                    : pattern.isEmpty() ? "人防工程测试" : "abc-123";
            case "integer" -> schema.getInteger("minimum", 1);
            case "number" -> 1.0;
            case "boolean" -> true;
            case "array" -> depth > 4 ? new JsonArray()
                    : new JsonArray().add(plausible(schema.getJsonObject("items", new JsonObject()), depth + 1));
            default -> {
                JsonObject object = new JsonObject();
                JsonObject properties = schema.getJsonObject("properties", new JsonObject());
                for (Object name : schema.getJsonArray("required", new JsonArray())) {
                    if (depth < 5 && properties.containsKey(name.toString())) {
                        object.put(name.toString(), plausible(properties.getJsonObject(name.toString()), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** One hostile request for {@code op}, chosen by {@code random}. */
    Probe probe(Operation op, Random random, long bodyLimit) {
        String path = fillPath(op, random, false);
        String query = "";
        int kind = random.nextInt(op.bodySchema() != null ? 10 : 5);
        switch (kind) {
            case 0 -> path = fillPath(op, random, true);
            case 1 -> {
                List<JsonObject> queryParams = op.parameters().stream().filter(p -> "query".equals(p.getString("in"))).toList();
                String name = queryParams.isEmpty() || random.nextInt(4) == 0 ? pick(random, List.of("q", "$where", "%24gt", "_id", "limit%5B%5D"))
                        : queryParams.get(random.nextInt(queryParams.size())).getString("name");
                query = "?" + name + "=" + pick(random, QUERY_VALUES);
                return new Probe("query", op.method(), path + query, null, null, null);
            }
            case 2 -> {
                return new Probe("long-url", op.method(), path + "?pad=" + "a".repeat(9000 + random.nextInt(20_000)), null, null, null);
            }
            case 3 -> {
                return new Probe("content-type", op.method(), path, pick(random, List.of("text/plain", "application/xml",
                        "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/x-www-form-urlencoded")),
                        pick(random, List.of("<a/>", "a=1&b=2", "--x\r\n\r\n--x--", "{\"a\":1}", "[]")), null);
            }
            case 4 -> {
                return new Probe("body-on-bodyless", op.method(), path, "application/json",
                        pick(random, List.of("[]", "\"x\"", "1e999", "null", "{\"$where\":\"1\"}", "{\"a\":\"\\ud800\"}")), null);
            }
            default -> {
                return bodyProbe(op, path, random, bodyLimit);
            }
        }
        return new Probe("path", op.method(), path, null, null, null);
    }

    private Probe bodyProbe(Operation op, String path, Random random, long bodyLimit) {
        if (op.bodySchema().containsKey("x-not-json")) {
            return new Probe("body-raw", op.method(), path, "application/octet-stream", "not what is expected", null);
        }
        JsonObject base = plausible(op.bodySchema(), 0) instanceof JsonObject o ? o : new JsonObject();
        int choice = random.nextInt(9);
        switch (choice) {
            case 0 -> {
                return new Probe("body-root", op.method(), path, "application/json",
                        pick(random, List.of("[]", "\"x\"", "1e999", "null", "true", "{", "{\"a\":}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")), null);
            }
            case 1 -> {
                byte[] bytes = ("{\"x\":\"" + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
                byte[] invalid = new byte[]{'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, '"', '}'};
                return new Probe("invalid-utf8", op.method(), path, "application/json", null, random.nextBoolean() ? invalid : bytes);
            }
            case 2 -> {
                return new Probe("oversize", op.method(), path, "application/json",
                        "{\"pad\":\"" + "a".repeat((int) bodyLimit + 10) + "\"}", null);
            }
            case 3 -> {
                String key = pick(random, List.of("$where", "$gt", "__proto__", "constructor", "a.b", "\\u0000", "\\ud800"));
                String encoded = base.encode();
                String extra = "\"" + key + "\":" + pick(random, HOSTILE_VALUES);
                String body = encoded.equals("{}") ? "{" + extra + "}" : encoded.substring(0, encoded.length() - 1) + "," + extra + "}";
                return new Probe("extra-field", op.method(), path, "application/json", body, null);
            }
            case 4 -> {
                if (!base.isEmpty()) {
                    List<String> names = new ArrayList<>(base.fieldNames());
                    base.remove(names.get(random.nextInt(names.size())));
                }
                return new Probe("missing-field", op.method(), path, "application/json", base.encode(), null);
            }
            default -> {
                List<String> names = new ArrayList<>(resolve(op.bodySchema()).getJsonObject("properties", new JsonObject()).fieldNames());
                String field = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
                String value = switch (random.nextInt(3)) {
                    case 0 -> "\"" + pick(random, HOSTILE_STRINGS) + "\"";
                    case 1 -> pick(random, HOSTILE_VALUES);
                    default -> "\"" + "长".repeat(random.nextBoolean() ? 2001 : 100_000 / 3) + "\"";
                };
                base.remove(field);
                String encoded = base.encode();
                String pair = "\"" + field + "\":" + value;
                String body = encoded.equals("{}") ? "{" + pair + "}" : encoded.substring(0, encoded.length() - 1) + "," + pair + "}";
                return new Probe("field:" + field, op.method(), path, "application/json", body, null);
            }
        }
    }

    private String fillPath(Operation op, Random random, boolean hostile) {
        String path = op.path();
        for (JsonObject p : op.parameters()) {
            if ("path".equals(p.getString("in"))) {
                String value = hostile ? pick(random, PATH_TRICKS) : "someone-elses-" + random.nextInt(1000);
                path = path.replace("{" + p.getString("name") + "}", value);
            }
        }
        return path;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
