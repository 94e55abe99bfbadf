package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Which districts and parks a query covers. Requests, projects and site visits are all placed by
 * their {@code district} and {@code parkId} (unit ids); owners of those collections turn this into
 * their filter with {@link #filter()}.
 *
 * @param everything all documents, placed or not
 * @param unitIds    otherwise: documents whose district or park is one of these units
 */
@Published
public record Places(boolean everything, List<String> unitIds) {

    public Places {
        unitIds = List.copyOf(unitIds);
    }

    public static Places all() {
        return new Places(true, List.of());
    }

    /** The MongoDB filter on {@code district}/{@code parkId}; empty for everything. */
    public JsonObject filter() {
        if (everything) {
            return new JsonObject();
        }
        JsonArray ids = new JsonArray(unitIds);
        return new JsonObject().put("$or", new JsonArray()
                .add(new JsonObject().put("district", new JsonObject().put("$in", ids)))
                .add(new JsonObject().put("parkId", new JsonObject().put("$in", ids))));
    }
}
