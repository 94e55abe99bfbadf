package cn.liaison.backend.request;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class RequestCollections {

    static final StoredCollection REQUESTS = StoredCollection.named("requests")
            .index(true, "number", 1)
            // the ledger's first page for the city (walked newest first) and the monthly summary's month
            .index(false, "createdAt", -1)
            // SLA scan and every open-status filter (the $in statuses merged in deadline order)
            .index(false, "status", 1, "activeDueAt", 1)
            // the job assess: requests left RECEIVED, oldest first. Without it the store walked createdAt and read
            // every older request to find the few RECEIVED ones (40,000 documents every 5 s in a load run)
            .index(false, "status", 1, "createdAt", 1)
            // the ledger's scopes, each branch of their $or walked newest first and merged (request/Scope)
            .index(false, "unitId", 1, "createdAt", -1)
            // a liaison's unit, open statuses only: the $in statuses merged newest first
            .index(false, "unitId", 1, "status", 1, "createdAt", -1)
            .index(false, "district", 1, "createdAt", -1)
            .index(false, "liaisonId", 1, "createdAt", -1)
            .index(false, "createdBy.id", 1, "createdAt", -1)
            .index(false, "enterpriseId", 1, "createdAt", -1)
            // a liaison's inbox and open-task count (Assessor.leastBusy)
            .index(false, "liaisonId", 1, "status", 1)
            // the monthly summary: ratings, and the $or of what happened in the month (report/MonthlyReport)
            .index(false, "rating.at", 1)
            .index(false, "respondedAt", 1)
            .index(false, "escalation.at", 1)
            .index(false, "rework.at", 1)
            .index(false, "urgedAt", 1)
            // the outbox dispatcher: entries due now
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();
    /** Request numbers per day. */
    static final StoredCollection COUNTERS = StoredCollection.named("counters");

    private RequestCollections() {
    }
}
