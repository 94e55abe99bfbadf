package cn.liaison.backend.platform.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who (id and name as signed in, or the user name a failed login
 * tried), when, what, on what, from which client address, and the HTTP status it ended with.
 */
public record AuditEvent(AuditAction action, String actorId, String actorName, String role, String address,
                         String target, String detail, int status, Instant at) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }
}
