package cn.liaison.backend.kb;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class KbCollections {

    static final StoredCollection ENTRIES = StoredCollection.named("kb_entries");
    static final StoredCollection QUESTIONS = StoredCollection.named("kb_questions").expiresBy("at", "questions");
    static final StoredCollection SUGGESTIONS = StoredCollection.named("kb_suggestions");
    /** One marker per finished import (the bundled content on first start, or {@code kb-import}). */
    static final StoredCollection IMPORTS = StoredCollection.named("kb_imports");

    private KbCollections() {
    }
}
