package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class CalendarCollections {

    static final StoredCollection VERSIONS = StoredCollection.named("calendar_versions");
    static final StoredCollection CURRENT = StoredCollection.named("calendar_current");

    private CalendarCollections() {
    }
}
