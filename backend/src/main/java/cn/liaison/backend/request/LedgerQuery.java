package cn.liaison.backend.request;

import cn.liaison.backend.platform.store.NewestFirst;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RatingLevel;

import static cn.liaison.backend.platform.store.MongoDocs.date;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.calendar.DateWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's (台账) filters and its cursor. Newest first; the cursor is the creation time and id of
 * the last row shown, so pages stay stable while new requests arrive.
 */
record LedgerQuery(RequestStatus status, RequestType type, Channel channel, String unitId, Boolean overdue,
                   LocalDate from, LocalDate to, RatingLevel rating, String cursor, int limit, String q) {

    /** How far a full-text search pages: the best 1,000 matches. */
    static final int SEARCH_DEPTH = 1000;

    static final List<String> HANDLING = List.of(RequestStatus.ASSESSED.name(), RequestStatus.ASSIGNED.name(),
            RequestStatus.IN_PROGRESS.name(), RequestStatus.REWORK.name());

    LedgerQuery {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "每页条数应在 1 到 200 之间");
        }
        if (from != null && !DateWindow.contains(from)) {
            throw new InvalidInputException("from", "日期应在 " + DateWindow.describe() + " 之间");
        }
        if (to != null && !DateWindow.contains(to)) {
            throw new InvalidInputException("to", "日期应在 " + DateWindow.describe() + " 之间");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于开始日期");
        }
        q = q == null || q.isBlank() ? null : q.strip();
        if (cursor != null && (q == null ? decode(cursor) == null : offset(cursor) < 0)) {
            throw new InvalidInputException("cursor", "分页游标无效");
        }
    }

    /** Where a search page starts: its rank (the search's cursor is a rank, not a position in time). */
    int offset() {
        return cursor == null ? 0 : offset(cursor);
    }

    static String cursorAtRank(int rank) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("@" + rank).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int rank = raw.startsWith("@") ? Integer.parseInt(raw.substring(1)) : -1;
            return rank >= 0 && rank < SEARCH_DEPTH ? rank : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The filters (and the caller's scope clauses) for a full-text search. */
    SearchCriteria criteria(Scope scope, Instant now) {
        List<List<Map<String, Set<String>>>> groups = new ArrayList<>();
        if (!scope.clauses().isEmpty()) {
            groups.add(scope.clauses());
        }
        java.util.function.BiConsumer<String, Object> equal = (field, value) -> {
            if (value != null) {
                groups.add(List.of(Map.of(field, Set.of(String.valueOf(value)))));
            }
        };
        equal.accept("status", status == null ? null : status.name());
        equal.accept("type", type == null ? null : type.name());
        equal.accept("channel", channel == null ? null : channel.wire());
        equal.accept("rating", rating == null ? null : rating.name());
        if (unitId != null) {
            groups.add(List.of(Map.of("unitId", Set.of(unitId)), Map.of("district", Set.of(unitId))));
        }
        return new SearchCriteria(scope.actor().isStaff(), groups,
                from == null ? null : from.atStartOfDay(MongoDocs.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant(), overdue, now);
    }

    JsonObject filter(Instant now) {
        JsonArray and = new JsonArray();
        if (status != null) {
            and.add(new JsonObject().put("status", status.name()));
        }
        if (type != null) {
            and.add(new JsonObject().put("type", type.name()));
        }
        if (channel != null) {
            and.add(new JsonObject().put("channel", channel.wire()));
        }
        if (unitId != null) {
            and.add(new JsonObject().put("$or", new JsonArray()
                    .add(new JsonObject().put("unitId", unitId)).add(new JsonObject().put("district", unitId))));
        }
        if (overdue != null) {
            JsonObject late = new JsonObject().put("status", new JsonObject().put("$in", new JsonArray(HANDLING)))
                    .put("activeDueAt", new JsonObject().put("$lt", date(now)));
            and.add(overdue ? late : new JsonObject().put("$nor", new JsonArray().add(late)));
        }
        JsonObject created = new JsonObject();
        if (from != null) {
            created.put("$gte", date(from.atStartOfDay(MongoDocs.ZONE).toInstant()));
        }
        if (to != null) {
            created.put("$lt", date(to.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant()));
        }
        if (!created.isEmpty()) {
            and.add(new JsonObject().put("createdAt", created));
        }
        if (rating != null) {
            and.add(new JsonObject().put("rating.level", rating.name()));
        }
        if (cursor != null) {
            and.add(decode(cursor).after());
        }
        return and.isEmpty() ? new JsonObject() : new JsonObject().put("$and", and);
    }

    static JsonObject sort() {
        return NewestFirst.sort();
    }

    static String cursorAfter(JsonObject doc) {
        return NewestFirst.cursorAfter(doc);
    }

    private static NewestFirst decode(String cursor) {
        return NewestFirst.decode(cursor).orElseThrow(() -> new InvalidInputException("cursor", "分页游标无效"));
    }
}
