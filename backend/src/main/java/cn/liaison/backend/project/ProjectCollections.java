package cn.liaison.backend.project;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class ProjectCollections {

    static final StoredCollection PROJECTS = StoredCollection.named("projects")
            .index(false, "enterpriseId", 1)
            .index(false, "district", 1, "parkId", 1)
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();
    static final StoredCollection SITE_VISITS = StoredCollection.named("site_visits")
            .index(false, "projectId", 1, "date", -1)
            .index(false, "district", 1, "visitedAt", 1);

    private ProjectCollections() {
    }
}
