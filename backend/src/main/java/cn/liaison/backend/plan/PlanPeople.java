package cn.liaison.backend.plan;

import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Names the staff a plan mentions: each must be an active liaison or unit head (or city admin). */
final class PlanPeople {

    private final UserDirectory users;

    PlanPeople(UserDirectory users) {
        this.users = users;
    }

    /** {id, name, unitId} of a staff member; 400 naming the field when there is no such staff member. */
    Future<JsonObject> staff(String userId, String field) {
        return users.find(userId).map(found -> found
                .filter(m -> m.has(Role.LIAISON) || m.has(Role.UNIT_HEAD) || m.has(Role.CITY_ADMIN))
                .map(PlanPeople::json)
                .orElseThrow(() -> PlanProblem.invalid(field, "没有这位工作人员")));
    }

    Future<List<JsonObject>> staff(List<String> userIds, String field) {
        return Future.all(userIds.stream().map(id -> staff(id, field)).toList()).map(all -> all.<JsonObject>list());
    }

    private static JsonObject json(StaffMember m) {
        return new JsonObject().put("id", m.id()).put("name", m.name()).put("unitId", m.unitId());
    }
}
