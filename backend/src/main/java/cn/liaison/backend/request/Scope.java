package cn.liaison.backend.request;

import cn.liaison.backend.platform.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one person may see: an enterprise its own requests; an agent the ones it took; a liaison
 * its tasks and its unit's open requests; a unit head everything in its unit and below; a city admin
 * everything. A request outside the scope does not exist for that person (404, not 403).
 *
 * @param supervisedUnits the unit head's unit and every unit below it (empty for other roles)
 */
record Scope(Actor actor, Set<String> supervisedUnits) {

    static final Set<String> OPEN = Stream.of(RequestStatus.values()).filter(RequestStatus::isOpen)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    Scope {
        supervisedUnits = Set.copyOf(supervisedUnits);
    }

    boolean everything() {
        return actor.isSystem() || actor.has(Role.CITY_ADMIN);
    }

    /** Whether the actor supervises the unit: city admins everywhere, unit heads in their subtree. */
    boolean supervises(String unitId) {
        return actor.has(Role.CITY_ADMIN) || unitId != null && supervisedUnits.contains(unitId);
    }

    boolean canSee(JsonObject doc) {
        if (everything()) {
            return true;
        }
        String me = actor.id();
        if (me.equals(doc.getJsonObject("createdBy", new JsonObject()).getString("id"))) {
            return true;
        }
        if (actor.has(Role.ENTERPRISE) && actor.enterpriseId() != null
                && actor.enterpriseId().equals(doc.getString("enterpriseId"))) {
            return true;
        }
        if (actor.has(Role.LIAISON) && (me.equals(doc.getString("liaisonId"))
                || actor.unitId() != null && actor.unitId().equals(doc.getString("unitId"))
                && OPEN.contains(doc.getString("status")))) {
            return true;
        }
        // Set.copyOf refuses contains(null): a request waiting for city review has neither field.
        String unit = doc.getString("unitId");
        String district = doc.getString("district");
        return actor.has(Role.UNIT_HEAD) && (unit != null && supervisedUnits.contains(unit)
                || district != null && supervisedUnits.contains(district));
    }

    /** The same rule as {@link SearchCriteria} clauses (empty: everything), for full-text search. */
    List<Map<String, Set<String>>> clauses() {
        if (everything()) {
            return List.of();
        }
        List<Map<String, Set<String>>> any = new ArrayList<>();
        any.add(Map.of("createdBy", Set.of(actor.id())));
        if (actor.has(Role.ENTERPRISE) && actor.enterpriseId() != null) {
            any.add(Map.of("enterpriseId", Set.of(actor.enterpriseId())));
        }
        if (actor.has(Role.LIAISON)) {
            any.add(Map.of("liaisonId", Set.of(actor.id())));
            if (actor.unitId() != null) {
                any.add(Map.of("unitId", Set.of(actor.unitId()), "status", OPEN));
            }
        }
        if (actor.has(Role.UNIT_HEAD) && !supervisedUnits.isEmpty()) {
            any.add(Map.of("unitId", supervisedUnits));
            any.add(Map.of("district", supervisedUnits));
        }
        return any;
    }

    /** The same rule as a MongoDB filter, for lists. */
    JsonObject filter() {
        if (everything()) {
            return new JsonObject();
        }
        JsonArray or = new JsonArray().add(new JsonObject().put("createdBy.id", actor.id()));
        if (actor.has(Role.ENTERPRISE) && actor.enterpriseId() != null) {
            or.add(new JsonObject().put("enterpriseId", actor.enterpriseId()));
        }
        if (actor.has(Role.LIAISON)) {
            or.add(new JsonObject().put("liaisonId", actor.id()));
            if (actor.unitId() != null) {
                or.add(new JsonObject().put("unitId", actor.unitId())
                        .put("status", new JsonObject().put("$in", new JsonArray(List.copyOf(OPEN)))));
            }
        }
        if (actor.has(Role.UNIT_HEAD) && !supervisedUnits.isEmpty()) {
            JsonArray units = new JsonArray(List.copyOf(supervisedUnits));
            or.add(new JsonObject().put("unitId", new JsonObject().put("$in", units)));
            or.add(new JsonObject().put("district", new JsonObject().put("$in", units)));
        }
        return new JsonObject().put("$or", or);
    }
}
