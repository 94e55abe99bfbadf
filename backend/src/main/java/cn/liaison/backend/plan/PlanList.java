package cn.liaison.backend.plan;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One page of a plan list: the scope's {@code $or} (each branch on an index keyed
 * {@code field, status, createdAt}), the status as an {@code $in} (every status when none is asked,
 * so the same indexes serve both), newest first, continued after a cursor (creation time and id of
 * the last plan shown). The embedded store merges the branches on {@code createdAt} and stops after
 * the page, so a page reads about as many plans as it shows at any size (PlansAtScaleIT).
 */
record PlanList(JsonObject scope, List<String> statuses, Position after, int limit) {

    record Position(Instant createdAt, String id) {
    }

    static PlanList of(JsonObject scope, String status, String cursor, int limit) {
        List<String> statuses = status != null ? List.of(status)
                : Arrays.stream(PlanStatus.values()).map(Enum::name).toList();
        return new PlanList(scope, statuses, cursor == null ? null : decode(cursor), limit);
    }

    JsonObject filter() {
        JsonArray and = new JsonArray();
        if (!scope.isEmpty()) {
            and.add(scope); // first: the store serves the first $or branch by branch
        }
        and.add(new JsonObject().put("status", new JsonObject().put("$in", new JsonArray(statuses))));
        if (after != null) {
            JsonObject at = MongoDocs.date(after.createdAt());
            and.add(new JsonObject().put("createdAt", new JsonObject().put("$lte", at)))
                    .add(new JsonObject().put("$or", new JsonArray()
                            .add(new JsonObject().put("createdAt", new JsonObject().put("$lt", at)))
                            .add(new JsonObject().put("_id", new JsonObject().put("$lt", after.id())))));
        }
        return new JsonObject().put("$and", and);
    }

    static JsonObject sort() {
        return new JsonObject().put("createdAt", -1).put("_id", -1);
    }

    static String cursorAfter(JsonObject doc) {
        String raw = MongoDocs.instant(doc.getValue("createdAt")).toEpochMilli() + ":" + doc.getString("_id");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw new IllegalArgumentException("no position");
            }
            return new Position(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw PlanProblem.invalid("cursor", "分页游标无效");
        }
    }
}
