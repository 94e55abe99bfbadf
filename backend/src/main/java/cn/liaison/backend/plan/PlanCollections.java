package cn.liaison.backend.plan;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collection this package owns; no other package names it (ArchitectureTest). */
final class PlanCollections {

    /** 一企一策 service plans with their steps, visits and outbox. */
    static final StoredCollection SERVICE_PLANS = StoredCollection.named("service_plans")
            // the plan-deadlines job: running plans due for a look
            .index(false, "status", 1, "nextDueAt", 1)
            // lists (PlanList): one index per branch of the scope's $or, the status $in, newest first;
            // people is an array (each person named on the plan is a key)
            .index(false, "status", 1, "createdAt", -1)
            .index(false, "enterpriseId", 1, "status", 1, "createdAt", -1)
            .index(false, "people", 1, "status", 1, "createdAt", -1)
            .index(false, "leaderId", 1, "status", 1, "createdAt", -1)
            .index(false, "district", 1, "status", 1, "createdAt", -1)
            .index(false, "parkId", 1, "status", 1, "createdAt", -1)
            // the monthly summary: plans closed since the month began (the running ones by status)
            .index(false, "closedAt", 1)
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();

    private PlanCollections() {
    }
}
