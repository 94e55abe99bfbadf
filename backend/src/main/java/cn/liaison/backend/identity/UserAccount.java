package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A login account as stored: who the person is, what they may do, and the state of password
 * checks. {@link #toString()} leaves out the password hash and the phone number.
 *
 * @param username     lower-case, unique
 * @param unitId       required for staff roles
 * @param enterpriseId the enterprise of an enterprise user; null until a WeChat user is bound
 * @param phone        optional; never logged
 * @param failedLogins no longer counted here (see {@link LoginThrottle}); kept for older documents
 * @param lockedUntil  likewise
 */
@Published
public record UserAccount(
        String id,
        String username,
        String name,
        Set<Role> roles,
        String unitId,
        String enterpriseId,
        String passwordHash,
        String phone,
        boolean active,
        int failedLogins,
        Instant lockedUntil) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public UserAccount {
        Objects.requireNonNull(id, "id");
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-64 lower-case letters, digits, '.', '_' or '-': " + username);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (roles.stream().anyMatch(Role::isStaff) && unitId == null) {
            throw new IllegalArgumentException("staff account " + username + " needs a unit");
        }
        // An enterprise account may have no enterprise yet: mini-program users sign in with WeChat
        // first and are bound to their enterprise after a staff member approves (miniapp package).
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins must not be negative");
        }
    }

    /** Usernames compare case-insensitively and without surrounding spaces. */
    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public Principal principal() {
        return new Principal(id, name, roles, unitId, enterpriseId);
    }

    public StaffMember staffMember() {
        return new StaffMember(id, name, roles, unitId);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", roles=" + roles + ", unitId=" + unitId
                + ", enterpriseId=" + enterpriseId + ", active=" + active + ", failedLogins=" + failedLogins
                + ", lockedUntil=" + lockedUntil + "]";
    }
}
