package cn.liaison.backend.audit;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collection this package owns; no other package names it (ArchitectureTest). */
final class AuditCollections {

    /**
     * The audit log: newest first, by action or person; date ranges and the cursor are a range on
     * seq. Lines expire by their time under the {@code audit} retention term.
     */
    static final StoredCollection AUDIT_LOG = StoredCollection.named("audit_log")
            .index(false, "seq", -1).index(false, "action", 1, "seq", -1).index(false, "actorId", 1, "seq", -1)
            .expiresBy("at", "audit");

    private AuditCollections() {
    }
}
