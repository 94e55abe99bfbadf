package cn.liaison.backend.miniapp;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class MiniAppCollections {

    static final StoredCollection BINDINGS = StoredCollection.named("enterprise_bindings").index(false, "userId", 1);

    private MiniAppCollections() {
    }
}
