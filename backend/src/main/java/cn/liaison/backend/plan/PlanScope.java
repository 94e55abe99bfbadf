package cn.liaison.backend.plan;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.auth.UnitBranches;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Who sees which plan. An enterprise its own. Staff named on it (creator, lead, helpers, step
 * owners, the leader in charge) always. A liaison the plans of its unit. A unit head — the leader in
 * charge of the area (包片领导) — every plan of its unit and the units below it. A city admin all.
 * Anything else does not exist for that person (404).
 *
 * @param supervisedUnits the unit head's unit and every unit below it (empty for other roles)
 */
record PlanScope(Principal who, Set<String> supervisedUnits) {

    PlanScope {
        supervisedUnits = Set.copyOf(supervisedUnits);
    }

    boolean everything() {
        return who.has(Role.CITY_ADMIN);
    }

    boolean isEnterprise(JsonObject plan) {
        return who.has(Role.ENTERPRISE) && who.enterpriseId() != null && who.enterpriseId().equals(plan.getString("enterpriseId"));
    }

    boolean canSee(JsonObject plan) {
        return isEnterprise(plan) || isStaffFor(plan);
    }

    /** Staff who may work on the plan: record progress, visits, add steps. */
    boolean isStaffFor(JsonObject plan) {
        if (everything()) {
            return true;
        }
        if (!who.hasAny(Role.LIAISON, Role.UNIT_HEAD)) {
            return false;
        }
        if (plan.getJsonArray("people", new JsonArray()).contains(who.userId()) || who.userId().equals(plan.getString("leaderId"))) {
            return true;
        }
        if (who.has(Role.LIAISON) && who.unitId() != null
                && (who.unitId().equals(plan.getString("district")) || who.unitId().equals(plan.getString("parkId")))) {
            return true;
        }
        return who.has(Role.UNIT_HEAD) && supervises(plan.getString("district"), plan.getString("parkId"));
    }

    boolean supervises(String district, String parkId) {
        return everything() || district != null && supervisedUnits.contains(district)
                || parkId != null && supervisedUnits.contains(parkId);
    }

    /** The same rule as a MongoDB filter, for lists. */
    JsonObject filter() {
        if (everything()) {
            return new JsonObject();
        }
        JsonArray or = new JsonArray();
        if (who.has(Role.ENTERPRISE) && who.enterpriseId() != null) {
            or.add(new JsonObject().put("enterpriseId", who.enterpriseId()));
        }
        if (who.hasAny(Role.LIAISON, Role.UNIT_HEAD)) {
            or.add(new JsonObject().put("people", who.userId()));
            or.add(new JsonObject().put("leaderId", who.userId()));
        }
        return UnitBranches.anyOf(UnitBranches.add(or, who, supervisedUnits));
    }
}
