package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). The monthly
 * report reads inspections only through {@link InspectionFigures}.
 */
final class InspectionCollections {

    static final StoredCollection INSPECTIONS = StoredCollection.named("inspections")
            // caps and 综合查一次 read one enterprise's inspections; the enterprise's own list
            .index(false, "enterpriseId", 1, "createdAt", -1)
            // a unit's list, newest first; the city's list
            .index(false, "unitId", 1, "createdAt", -1)
            .index(false, "createdAt", -1)
            // the same lists of one state (a rare state walked the newest-first index to its end)
            .index(false, "unitId", 1, "state", 1, "createdAt", -1)
            .index(false, "state", 1, "createdAt", -1)
            // the monthly summary
            .index(false, "month", 1)
            // the outbox dispatcher: entries due now
            .index(false, "outbox.nextAttemptAt", 1)
            .withOutbox();
    /** The inspection-item list (read whole, small by nature) and the caps, both by {@code _id}. */
    static final StoredCollection ITEMS = StoredCollection.named("inspection_items");
    static final StoredCollection SETTINGS = StoredCollection.named("inspection_settings");
    /** The key that signs enterprise codes, and each enterprise's current code, by {@code _id}. */
    static final StoredCollection KEYS = StoredCollection.named("inspection_keys");
    static final StoredCollection CODES = StoredCollection.named("enterprise_codes");

    private InspectionCollections() {
    }
}
