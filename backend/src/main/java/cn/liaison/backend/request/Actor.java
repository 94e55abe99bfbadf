package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who performs an action: a signed-in person, or the system itself (assessment, the deadline
 * scheduler). Recorded in every history entry.
 */
@Published
public record Actor(String id, String name, Set<Role> roles, String unitId, String enterpriseId) {

    public static final Actor SYSTEM = new Actor("system", "系统", Set.of(), null, null);

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public static Actor of(Principal principal) {
        return new Actor(principal.userId(), principal.name(), principal.roles(), principal.unitId(),
                principal.enterpriseId());
    }

    public boolean isSystem() {
        return this == SYSTEM || "system".equals(id) && roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff of the office or the hotline, never an enterprise: may read internal notes. */
    public boolean isStaff() {
        return !has(Role.ENTERPRISE) && (isSystem() || has(Role.AGENT) || has(Role.LIAISON) || has(Role.UNIT_HEAD)
                || has(Role.CITY_ADMIN));
    }

    /** The role recorded in history: the most senior one held. */
    public String mainRole() {
        for (Role role : new Role[] {Role.CITY_ADMIN, Role.UNIT_HEAD, Role.LIAISON, Role.AGENT, Role.ENTERPRISE}) {
            if (roles.contains(role)) {
                return role.name();
            }
        }
        return "SYSTEM";
    }
}
