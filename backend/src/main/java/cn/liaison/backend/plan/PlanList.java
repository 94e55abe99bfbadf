package cn.liaison.backend.plan;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.NewestFirst;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * One page of a plan list: the scope's {@code $or} (each branch on an index keyed
 * {@code field, status, createdAt}), the status as an {@code $in} (every status when none is asked,
 * so the same indexes serve both), newest first, continued after a cursor (creation time and id of
 * the last plan shown). The embedded store merges the branches on {@code createdAt} and stops after
 * the page, so a page reads about as many plans as it shows at any size (PlansAtScaleIT).
 */
record PlanList(JsonObject scope, List<String> statuses, NewestFirst after, int limit) {

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
            // the range first, so the index walk starts at the cursor
            and.add(new JsonObject().put("createdAt", new JsonObject().put("$lte", MongoDocs.date(after.createdAt()))))
                    .add(after.after());
        }
        return new JsonObject().put("$and", and);
    }

    static JsonObject sort() {
        return NewestFirst.sort();
    }

    static String cursorAfter(JsonObject doc) {
        return NewestFirst.cursorAfter(doc);
    }

    private static NewestFirst decode(String cursor) {
        return NewestFirst.decode(cursor).orElseThrow(() -> PlanProblem.invalid("cursor", "分页游标无效"));
    }
}
