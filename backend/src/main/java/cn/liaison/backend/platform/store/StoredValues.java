package cn.liaison.backend.platform.store;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads enum values out of stored documents tolerantly. A document written by another version, a
 * migration or a hand edit may hold a value no constant names; one such document must not turn a
 * page, an export or a report into a 500. The value reads as absent, people see it marked 未知, and
 * the log says once per document and field which document it is (its id, never its content).
 */
public final class StoredValues {

    private static final Logger LOG = LoggerFactory.getLogger(StoredValues.class);
    /** Documents warned about; bounded so a collection full of odd values cannot grow the heap. */
    private static final int WARNED_MAX = 10_000;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final int SHOWN_MAX = 32;

    private StoredValues() {
    }

    /**
     * The constant {@code value} names, if any. A missing value is empty without a warning; a value
     * that names no constant is empty with one WARN naming {@code collection}, {@code docId} and {@code field}.
     */
    public static <E extends Enum<E>> Optional<E> known(Class<E> type, String value, String collection, String docId,
                                                        String field) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            unknown(type.getSimpleName(), value, collection, docId, field);
            return Optional.empty();
        }
    }

    /** Logs (once per document and field) a stored value that names nothing the code knows. */
    public static void unknown(String kind, String value, String collection, String docId, String field) {
        String key = collection + "/" + docId + "/" + field;
        if (WARNED.size() < WARNED_MAX && WARNED.add(key)) {
            LOG.warn("Stored {} {}: {} \"{}\" is not a known {}; read as unknown (未知)", collection, docId, field,
                    shown(value), kind);
        }
    }

    /** What a person reads for a stored value the code does not know: 未知 with the value as stored (shortened). */
    public static String unknownLabel(String value) {
        return value == null || value.isBlank() ? "未知" : "未知（" + shown(value) + "）";
    }

    private static String shown(String value) {
        String oneLine = value.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= SHOWN_MAX ? oneLine : oneLine.substring(0, SHOWN_MAX) + "…";
    }
}
