package cn.liaison.backend.audit;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;

/**
 * The audit log (审计日志) of what happens outside a request's own history — sign-ins and failed
 * sign-ins, knowledge-base publishing, enterprise bindings decided, accounts and roles changed,
 * exports downloaded, holiday calendars loaded: who, when, what, from which address. Operations
 * name their action in the contract ({@code x-audit}); the platform records them after the answer.
 */
public final class AuditFeature implements Feature {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(AuditCollections.AUDIT_LOG);
        AuditLog log = new AuditLog(platform.stores().mongo(), platform.clock());
        platform.auditRecorder(log);
        platform.route(new AuditRoutes(log));
        return log.start();
    }
}
