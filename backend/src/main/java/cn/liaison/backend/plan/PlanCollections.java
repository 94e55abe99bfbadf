package cn.liaison.backend.plan;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collection this package owns; no other package names it (ArchitectureTest). */
final class PlanCollections {

    /** 一企一策 service plans with their steps, visits and outbox. */
    static final StoredCollection SERVICE_PLANS = StoredCollection.named("service_plans")
            // the plan-deadlines job: running plans due for a look
            .index(false, "status", 1, "nextDueAt", 1)
            .index(false, "createdAt", -1)
            .index(false, "enterpriseId", 1)
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();

    private PlanCollections() {
    }
}
