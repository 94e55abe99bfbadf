package cn.liaison.backend.proactive;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collections this package owns; no other package names them (ArchitectureTest). */
final class ProactiveCollections {

    /** 跨前对接 tasks, one per trigger (the id is the trigger's key). */
    static final StoredCollection TASKS = StoredCollection.named("proactive_tasks")
            // lists (ProactiveTasks): one index per branch of the scope's $or, the status $in, newest first
            .index(false, "status", 1, "createdAt", -1)
            .index(false, "liaisonId", 1, "status", 1, "createdAt", -1)
            .index(false, "district", 1, "status", 1, "createdAt", -1)
            .index(false, "parkId", 1, "status", 1, "createdAt", -1)
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();
    /** Contacts made, counted per enterprise and month against the limit (无事不扰). */
    static final StoredCollection CONTACTS = StoredCollection.named("proactive_contacts")
            .index(false, "enterpriseId", 1, "month", 1);

    private ProactiveCollections() {
    }
}
