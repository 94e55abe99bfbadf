package cn.liaison.backend.project;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.org.UnitLevel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Checks the people and places a project names: its enterprise, district and park, liaison and leader. */
final class ProjectPeople {

    private final UnitDirectory units;
    private final UserDirectory users;
    private final EnterpriseDirectory enterprises;

    ProjectPeople(UnitDirectory units, UserDirectory users, EnterpriseDirectory enterprises) {
        this.units = units;
        this.users = users;
        this.enterprises = enterprises;
    }

    UnitDirectory units() {
        return units;
    }

    Future<Enterprise> enterprise(String id) {
        if (id == null) {
            return Future.failedFuture(new ProjectRuleViolation("enterpriseId", "请指定建设单位（企业）"));
        }
        return enterprises.find(id).map(found -> found.orElseThrow(
                () -> new ProjectRuleViolation("enterpriseId", "企业不存在")));
    }

    /** A district given by id ({@code district-pukou}) or by name (浦口区 / 浦口). */
    Future<String> district(String idOrName) {
        return units.find(idOrName)
                .compose(byId -> byId.isPresent() ? Future.succeededFuture(byId) : units.districtByName(idOrName))
                .map(found -> found.filter(u -> u.level() == UnitLevel.DISTRICT).map(Unit::id).orElseThrow(
                        () -> new ProjectRuleViolation("district", "区不存在")));
    }

    /** The park must lie in the district; null stays null. */
    Future<String> park(String parkId, String district) {
        if (parkId == null) {
            return Future.succeededFuture(null);
        }
        return units.find(parkId).map(found -> {
            Unit park = found.filter(u -> u.level() == UnitLevel.PARK).orElseThrow(
                    () -> new ProjectRuleViolation("parkId", "园区不存在"));
            if (!district.equals(park.parentId())) {
                throw new ProjectRuleViolation("parkId", "园区不在所选区内");
            }
            return park.id();
        });
    }

    /** A liaison of the project's district (or a park in it), supervised by whoever assigns; null clears. */
    Future<Optional<StaffMember>> liaison(String userId, String district, ProjectScope scope) {
        if (userId == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.all(users.find(userId), units.subtreeIds(district)).map(all -> {
            Optional<StaffMember> found = all.resultAt(0);
            java.util.Set<String> area = all.resultAt(1);
            StaffMember liaison = found.filter(m -> m.has(Role.LIAISON)).orElseThrow(
                    () -> new ProjectRuleViolation("liaisonId", "联络员不存在"));
            if (!area.contains(liaison.unitId()) || !scope.supervisesUnit(liaison.unitId())) {
                throw new ProjectRuleViolation("liaisonId", "只能指定本单位及下级单位、且在项目所在区的联络员");
            }
            return Optional.of(liaison);
        });
    }

    /** The responsible leader (包片领导): a unit head or city admin; null clears. */
    Future<Optional<StaffMember>> leader(String userId) {
        if (userId == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return users.find(userId).map(found -> Optional.of(found
                .filter(m -> m.has(Role.UNIT_HEAD) || m.has(Role.CITY_ADMIN))
                .orElseThrow(() -> new ProjectRuleViolation("leaderId", "负责领导须为单位负责人或市级管理员"))));
    }

    /** Unit heads of the unit (or of its district when a park has none), else city admins. */
    Future<List<String>> supervisors(String unitId, String district) {
        return users.unitHeadsOf(unitId)
                .compose(heads -> heads.isEmpty() && !unitId.equals(district) ? users.unitHeadsOf(district)
                        : Future.succeededFuture(heads))
                .compose(heads -> heads.isEmpty() ? users.cityAdmins() : Future.succeededFuture(heads))
                .map(list -> list.stream().map(StaffMember::id).toList());
    }

    /**
     * The document with the names people read next to ids: the district's and park's names, and the
     * liaison's name where the document has only the id (projects seeded before a liaison was named).
     */
    Future<JsonObject> named(JsonObject doc) {
        JsonObject out = doc.copy();
        Future<Void> liaison = out.getString("liaisonId") == null || out.getString("liaisonName") != null
                ? Future.succeededFuture()
                : users.find(out.getString("liaisonId")).map(found -> {
                    found.ifPresent(m -> out.put("liaisonName", m.name()));
                    return null;
                });
        Future<Void> district = unitName(out.getString("district"), "districtName", out);
        Future<Void> park = unitName(out.getString("parkId"), "parkName", out);
        return Future.all(liaison, district, park).map(done -> out);
    }

    private Future<Void> unitName(String unitId, String field, JsonObject out) {
        return unitId == null ? Future.succeededFuture() : units.find(unitId).map(found -> {
            found.ifPresent(u -> out.put(field, u.name()));
            return null;
        });
    }
}
