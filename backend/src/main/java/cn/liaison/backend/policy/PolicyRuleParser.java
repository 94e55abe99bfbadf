package cn.liaison.backend.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one rule file and checks it against the facts a project offers: an unknown field, an
 * operator that does not fit the field's type, or a value outside an enumeration stops the load
 * with a message naming the file and the place.
 *
 * <pre>
 * id: nanjing-rural-integration-exempt
 * title: 农村一二三产业融合发展用地免配建
 * region: 南京
 * effective: {from: 2026-01-01, to: null}
 * topics: [policy.rural-integration-exemption]
 * sources: [policy-rural-integration-exemption]
 * when:
 *   - {field: landUse, op: eq, value: RURAL_INDUSTRY_INTEGRATION}
 * effect: {kind: OBLIGATION_EXEMPT, text: 免于配建防空地下室}
 * </pre>
 */
public final class PolicyRuleParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");
    private static final Set<String> KEYS = Set.of("id", "title", "region", "effective", "topics", "sources", "when", "effect");

    private final Map<String, FactSpec> schema;

    public PolicyRuleParser(Map<String, FactSpec> schema) {
        this.schema = Map.copyOf(schema);
    }

    public PolicyRule parse(String file, String text) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new PolicyRuleException(file, "yaml", "不是有效的 YAML: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new PolicyRuleException(file, "(root)", "rule must be a map");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new PolicyRuleException(file, String.valueOf(key), "unknown key; known: " + new TreeSet<>(KEYS));
            }
        }
        String id = text(file, map, "id");
        if (!ID.matcher(id).matches()) {
            throw new PolicyRuleException(file, "id", "must be lower-case letters, digits and '-', was '" + id + "'");
        }
        Map<?, ?> effective = map(file, map.get("effective"), "effective");
        LocalDate from = date(file, effective.get("from"), "effective.from");
        if (from == null) {
            throw new PolicyRuleException(file, "effective.from", "is required");
        }
        LocalDate to = date(file, effective.get("to"), "effective.to");
        if (to != null && to.isBefore(from)) {
            throw new PolicyRuleException(file, "effective.to", "is before effective.from");
        }
        Map<?, ?> effect = map(file, map.get("effect"), "effect");
        EffectKind kind;
        try {
            kind = EffectKind.valueOf(text(file, effect, "kind"));
        } catch (IllegalArgumentException e) {
            throw new PolicyRuleException(file, "effect.kind", "unknown effect '" + effect.get("kind") + "'; known: "
                    + List.of(EffectKind.values()));
        }
        List<Condition> conditions = conditions(file, map.get("when"));
        return new PolicyRule(id, text(file, map, "title"), text(file, map, "region"), from, to,
                strings(file, map.get("topics"), "topics"), strings(file, map.get("sources"), "sources"),
                conditions, kind, text(file, effect, "text"));
    }

    private List<Condition> conditions(String file, Object raw) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new PolicyRuleException(file, "when", "must be a non-empty list of conditions");
        }
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "when[" + i + "]";
            Map<?, ?> c = map(file, list.get(i), where);
            String field = text(file, c, "field");
            FactSpec fact = schema.get(field);
            if (fact == null) {
                throw new PolicyRuleException(file, where + ".field", "unknown field '" + field + "'; known: "
                        + new TreeSet<>(schema.keySet()));
            }
            String opText = text(file, c, "op");
            Operator op = Operator.parse(opText).orElseThrow(() -> new PolicyRuleException(file, where + ".op",
                    "unknown operator '" + opText + "'; known: eq, ne, in, not_in, lt, lte, gt, gte"));
            if (op.ordering() && fact.type() != FactSpec.Type.NUMBER) {
                throw new PolicyRuleException(file, where + ".op", "'" + opText + "' needs a number field, "
                        + field + " is " + fact.type());
            }
            out.add(new Condition(fact, op, value(file, where + ".value", fact, op, c.get("value"))));
        }
        return out;
    }

    private static Object value(String file, String where, FactSpec fact, Operator op, Object raw) {
        if (raw == null) {
            throw new PolicyRuleException(file, where, "is required");
        }
        if (op.membership()) {
            if (!(raw instanceof Collection<?> many) || many.isEmpty()) {
                throw new PolicyRuleException(file, where, "'" + op.name().toLowerCase() + "' needs a non-empty list");
            }
            List<Object> values = new ArrayList<>();
            for (Object one : many) {
                values.add(single(file, where, fact, one));
            }
            return List.copyOf(values);
        }
        return single(file, where, fact, raw);
    }

    private static Object single(String file, String where, FactSpec fact, Object raw) {
        return switch (fact.type()) {
            case NUMBER -> {
                if (!(raw instanceof Number n)) {
                    throw new PolicyRuleException(file, where, fact.field() + " needs a number, was '" + raw + "'");
                }
                yield n.doubleValue();
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw new PolicyRuleException(file, where, fact.field() + " needs true or false, was '" + raw + "'");
                }
                yield b;
            }
            case ENUM -> {
                if (!fact.labels().containsKey(String.valueOf(raw))) {
                    throw new PolicyRuleException(file, where, "'" + raw + "' is not a value of " + fact.field()
                            + "; known: " + new TreeSet<>(fact.labels().keySet()));
                }
                yield String.valueOf(raw);
            }
            case TEXT -> String.valueOf(raw);
        };
    }

    private static String text(String file, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new PolicyRuleException(file, key, "is required");
        }
        return String.valueOf(value).strip();
    }

    private static Map<?, ?> map(String file, Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new PolicyRuleException(file, where, "must be a map");
        }
        return map;
    }

    private static List<String> strings(String file, Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new PolicyRuleException(file, where, "must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static LocalDate date(String file, Object raw, String where) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(raw));
        } catch (DateTimeParseException e) {
            throw new PolicyRuleException(file, where, "must be YYYY-MM-DD, was '" + raw + "'");
        }
    }
}
