package cn.liaison.backend.identity;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class IdentityCollections {

    static final StoredCollection USERS = StoredCollection.named("users").index(true, "username", 1);

    private IdentityCollections() {
    }
}
