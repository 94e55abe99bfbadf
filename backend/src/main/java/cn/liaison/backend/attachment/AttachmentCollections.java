package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.store.StoredCollection;

/** The collection this package owns; no other package names it (ArchitectureTest). */
final class AttachmentCollections {

    /** Attachment lists: the files of one request, of one site visit. */
    static final StoredCollection ATTACHMENTS = StoredCollection.named("attachments")
            .index(false, "requestId", 1).index(false, "visitId", 1);

    private AttachmentCollections() {
    }
}
