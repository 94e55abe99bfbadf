package cn.liaison.backend.org;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class OrgCollections {

    static final StoredCollection UNITS = StoredCollection.named("units").index(true, "parentId", 1, "name", 1);
    static final StoredCollection ENTERPRISES = StoredCollection.named("enterprises").index(true, "creditCode", 1);

    private OrgCollections() {
    }
}
