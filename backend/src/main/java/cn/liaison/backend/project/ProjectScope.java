package cn.liaison.backend.project;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.auth.UnitBranches;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Which projects one person sees, by the request loop's rules: an enterprise its own; a liaison the
 * projects of its unit and those it is assigned to; a unit head its unit and below; a city admin
 * all. Anything else does not exist for that person (404).
 *
 * @param supervisedUnits the unit head's unit and every unit below it (empty for other roles)
 */
record ProjectScope(Principal who, Set<String> supervisedUnits) {

    ProjectScope {
        supervisedUnits = Set.copyOf(supervisedUnits);
    }

    boolean everything() {
        return who.has(Role.CITY_ADMIN);
    }

    boolean canSee(Project p) {
        if (everything()) {
            return true;
        }
        if (who.has(Role.ENTERPRISE) && p.enterpriseId().equals(who.enterpriseId())) {
            return true;
        }
        if (who.has(Role.LIAISON) && (who.userId().equals(p.liaisonId()) || inOwnUnit(p.districtUnitId(), p.parkId()))) {
            return true;
        }
        return who.has(Role.UNIT_HEAD) && supervises(p.districtUnitId(), p.parkId());
    }

    /** Staff who may change a project's data (not its assignment): its liaisons, unit heads above it, city admins. */
    boolean isStaffFor(Project p) {
        return everything() || who.has(Role.UNIT_HEAD) && supervises(p.districtUnitId(), p.parkId())
                || who.has(Role.LIAISON) && (who.userId().equals(p.liaisonId()) || inOwnUnit(p.districtUnitId(), p.parkId()));
    }

    /** May assign the liaison and leader, set the kind and move the project: unit heads above it, city admins. */
    boolean supervises(String district, String parkId) {
        return everything() || supervisedUnits.contains(district) || parkId != null && supervisedUnits.contains(parkId);
    }

    boolean supervisesUnit(String unitId) {
        return everything() || unitId != null && supervisedUnits.contains(unitId);
    }

    private boolean inOwnUnit(String district, String parkId) {
        String unit = who.unitId();
        return unit != null && (unit.equals(district) || unit.equals(parkId));
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
        if (who.has(Role.LIAISON)) {
            or.add(new JsonObject().put("liaisonId", who.userId()));
        }
        return UnitBranches.anyOf(UnitBranches.add(or, who, supervisedUnits));
    }
}
