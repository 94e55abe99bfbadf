package cn.liaison.backend.platform.audit;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ClientAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/**
 * Where audit events go: every recorder a feature contributed (none when the audit feature is off).
 * Recording never fails the operation it describes.
 */
public interface AuditSink {

    /** Key under which a handler may leave the target of an audited operation for the recorder. */
    String TARGET = "auditTarget";

    void record(AuditEvent event);

    /** Sends to every recorder in {@code recorders} (read at each event). */
    static AuditSink fanOut(List<AuditSink> recorders) {
        return event -> recorders.forEach(r -> r.record(event));
    }

    /** The event for an HTTP call: the signed-in person (or {@code triedName}), the client address. */
    static AuditEvent of(RoutingContext rc, AuditAction action, String target, String detail, String triedName, Clock clock) {
        Principal who = AuthHandler.signedIn(rc);
        String role = who == null ? null : who.roles().stream().sorted((a, b) -> b.ordinal() - a.ordinal())
                .map(Role::name).findFirst().orElse(null);
        return new AuditEvent(action, who == null ? null : who.userId(), who == null ? triedName : who.name(), role,
                ClientAddress.of(rc), target, detail, rc.response().getStatusCode(), clock.instant());
    }
}
