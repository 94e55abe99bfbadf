package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import io.vertx.core.Future;
import java.util.List;

/** Who supervises a unit for notifications: its unit heads, or the city admins when it has none or is unknown. */
@Published
public final class Supervisors {

    private final UserDirectory users;

    public Supervisors(UserDirectory users) {
        this.users = users;
    }

    public Future<List<String>> of(String unitId) {
        Future<List<StaffMember>> people = unitId == null ? users.cityAdmins() : users.unitHeadsOf(unitId)
                .compose(heads -> heads.isEmpty() ? users.cityAdmins() : Future.succeededFuture(heads));
        return people.map(Supervisors::ids);
    }

    public Future<List<String>> cityAdmins() {
        return users.cityAdmins().map(Supervisors::ids);
    }

    private static List<String> ids(List<StaffMember> people) {
        return people.stream().map(StaffMember::id).toList();
    }
}
