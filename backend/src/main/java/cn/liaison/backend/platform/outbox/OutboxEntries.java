package cn.liaison.backend.platform.outbox;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads stored outbox entries without trusting them: an entry written by another version or edited
 * by hand may lack a field or name an event no constant names. Such an entry can never be sent, and
 * says why, instead of failing the same way on every pass.
 */
final class OutboxEntries {

    private OutboxEntries() {
    }

    /** Why the entry can never become a {@link Notification}; empty when it can. */
    static Optional<String> malformed(JsonObject entry) {
        if (!(entry.getValue("id") instanceof String id) || id.isBlank()) {
            return Optional.of("malformed entry: no id");
        }
        if (!(entry.getValue("event") instanceof String event)
                || Arrays.stream(NotificationEvent.values()).noneMatch(e -> e.name().equals(event))) {
            return Optional.of("malformed entry: unknown event");
        }
        for (String field : new String[] {"title", "text"}) {
            if (!(entry.getValue(field) instanceof String)) {
                return Optional.of("malformed entry: no " + field);
            }
        }
        if (instant(entry.getValue("createdAt")) == null) {
            return Optional.of("malformed entry: no createdAt");
        }
        Object recipients = entry.getValue("recipients");
        if (recipients != null && !(recipients instanceof JsonArray)) {
            return Optional.of("malformed entry: recipients is not a list");
        }
        Object data = entry.getValue("data");
        if (data != null && !(data instanceof JsonObject)) {
            return Optional.of("malformed entry: data is not an object");
        }
        return Optional.empty();
    }

    /** Attempts made so far; a stored count that is not a number counts as none. */
    static int attempts(JsonObject entry) {
        return entry.getValue("attempts") instanceof Number n ? Math.max(0, n.intValue()) : 0;
    }

    /** Due now: no next attempt set, or one not after {@code now} (an unreadable one counts as due). */
    static boolean due(JsonObject entry, Instant now) {
        Instant next = instant(entry.getValue("nextAttemptAt"));
        return next == null || !next.isAfter(now);
    }

    private static Instant instant(Object value) {
        try {
            return MongoDocs.instant(value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
