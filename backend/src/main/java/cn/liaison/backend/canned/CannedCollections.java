package cn.liaison.backend.canned;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collection this package owns; no other package names it (ArchitectureTest). */
final class CannedCollections {

    /** 常用语: a person's own, and their unit chain's. */
    static final StoredCollection CANNED_REPLIES = StoredCollection.named("canned_replies")
            .index(false, "ownerId", 1).index(false, "unitId", 1);

    private CannedCollections() {
    }
}
