package cn.liaison.backend.request;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class RequestCollections {

    static final StoredCollection REQUESTS = StoredCollection.named("requests")
            .index(true, "number", 1)
            // the ledger's first page for the city and scopes that are an $or (walked newest first)
            .index(false, "createdAt", -1)
            // SLA scan and every open-status filter
            .index(false, "status", 1, "activeDueAt", 1)
            .index(false, "unitId", 1, "createdAt", -1)
            // a liaison's inbox and open-task count (Assessor.leastBusy)
            .index(false, "liaisonId", 1, "status", 1)
            .index(false, "enterpriseId", 1, "createdAt", -1)
            // the outbox dispatcher: entries due now
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();
    /** Request numbers per day. */
    static final StoredCollection COUNTERS = StoredCollection.named("counters");

    private RequestCollections() {
    }
}
