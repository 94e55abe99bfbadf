package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class HotlineCollections {

    static final StoredCollection CALLS = StoredCollection.named("hotline_calls")
            .index(false, "outcomeAt", 1)
            .expiresBy("startedAt", "calls");

    private HotlineCollections() {
    }
}
