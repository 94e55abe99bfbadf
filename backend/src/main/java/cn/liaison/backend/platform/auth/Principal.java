package cn.liaison.backend.platform.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is making the current request, as carried by the login token.
 *
 * @param unitId       the unit a staff member belongs to; null for enterprise users
 * @param enterpriseId the enterprise an enterprise user acts for; null for staff
 */
public record Principal(String userId, String name, Set<Role> roles, String unitId, String enterpriseId) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a principal has at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the principal holds at least one of the roles. */
    public boolean hasAny(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
