package cn.liaison.backend.platform.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The unit branches of a list scope's {@code $or}, the same for every record placed by
 * {@code district} / {@code parkId} (projects, plans, proactive tasks): a liaison sees its own unit, a
 * unit head the units it supervises. An empty {@code $or} matches nothing.
 */
public final class UnitBranches {

    private UnitBranches() {
    }

    /** Adds the liaison's own-unit and the unit head's supervised-units branches to {@code or}. */
    public static JsonArray add(JsonArray or, Principal who, Set<String> supervisedUnits) {
        if (who.has(Role.LIAISON) && who.unitId() != null) {
            or.add(new JsonObject().put("district", who.unitId()));
            or.add(new JsonObject().put("parkId", who.unitId()));
        }
        if (who.has(Role.UNIT_HEAD) && !supervisedUnits.isEmpty()) {
            JsonArray units = new JsonArray(List.copyOf(supervisedUnits));
            or.add(new JsonObject().put("district", new JsonObject().put("$in", units)));
            or.add(new JsonObject().put("parkId", new JsonObject().put("$in", units)));
        }
        return or;
    }

    /** {@code {$or: or}}, or a filter that matches nothing when there is no branch. */
    public static JsonObject anyOf(JsonArray or) {
        return or.isEmpty() ? new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray()))
                : new JsonObject().put("$or", or);
    }
}
