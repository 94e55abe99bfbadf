package cn.liaison.backend.chat;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class ChatCollections {

    /** Transcripts are purged by updatedAt (CHAT_RETENTION_DAYS, by the chat feature itself). */
    static final StoredCollection CONVERSATIONS = StoredCollection.named("conversations").index(false, "updatedAt", 1);
    static final StoredCollection FEEDBACK = StoredCollection.named("chat_feedback");

    private ChatCollections() {
    }
}
