package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a filter that an index can narrow: per field, a set of equal values or a range.
 * Read from the top level and from {@code $and} (all must hold), and from {@code $elemMatch} on an
 * array of sub-documents (as {@code array.field}). Everything else ({@code $or}, {@code $ne},
 * {@code $exists}, regular expressions) is left to the matcher, which still checks the whole filter
 * on every document an index yields: the conditions only ever select a superset.
 */
record Conditions(Map<String, Condition> byField) {

    /** Equal to one of {@code values}, or within a range (either end may be open). */
    record Condition(List<Object> values, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        boolean isEquality() {
            return values != null;
        }

        boolean isRange() {
            return values == null && (lower != null || upper != null);
        }
    }

    static Conditions of(Document filter) {
        Map<String, Condition> found = new LinkedHashMap<>();
        collect(filter, "", found);
        return new Conditions(found);
    }

    Condition get(String field) {
        return byField.get(field);
    }

    private static void collect(Document filter, String prefix, Map<String, Condition> found) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        collect(d, prefix, found);
                    }
                }
            } else if (!key.startsWith("$")) {
                String field = prefix + key;
                Condition condition = condition(value);
                if (condition != null) {
                    found.putIfAbsent(field, condition);
                } else if (value instanceof Document d && d.size() == 1 && d.get("$elemMatch") instanceof Document m) {
                    collect(m, field + ".", found);
                }
            }
        }
    }

    private static Condition condition(Object value) {
        if (isPlain(value)) {
            return new Condition(List.of(normalize(value)), null, false, null, false);
        }
        if (!(value instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        List<Object> values = null;
        Object lower = null;
        Object upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        for (Map.Entry<String, Object> op : operators.entrySet()) {
            Object v = op.getValue();
            switch (op.getKey()) {
                case "$eq" -> values = isPlain(v) ? List.of(normalize(v)) : values;
                case "$in" -> values = plainList(v);
                case "$gt", "$gte" -> {
                    if (isPlain(v)) {
                        lower = normalize(v);
                        lowerInclusive = op.getKey().equals("$gte");
                    }
                }
                case "$lt", "$lte" -> {
                    if (isPlain(v)) {
                        upper = normalize(v);
                        upperInclusive = op.getKey().equals("$lte");
                    }
                }
                default -> {
                    // other operators narrow nothing an index can use; the matcher applies them
                }
            }
        }
        if (values != null) {
            return new Condition(values, null, false, null, false);
        }
        if (lower == null && upper == null) {
            return null;
        }
        return new Condition(null, lower, lowerInclusive, upper, upperInclusive);
    }

    private static List<Object> plainList(Object value) {
        if (!(value instanceof Collection<?> items) || items.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (Object item : items) {
            if (!isPlain(item)) {
                return null;
            }
            values.add(normalize(item));
        }
        return values;
    }

    /** A value compared by equality: not null (which also matches missing), a document, an array or a pattern. */
    private static boolean isPlain(Object value) {
        return !Missing.isNullOrMissing(value)
                && !(value instanceof Document)
                && !(value instanceof Collection)
                && !(value instanceof Map)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** As upstream's indexes store numbers: as doubles unless a long would lose precision. */
    static Object normalize(Object value) {
        if (value instanceof Long l && l != (long) l.doubleValue()) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        return value;
    }
}
