package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.project.ProjectModule;
import cn.liaison.backend.request.RequestModule;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Attachments (附件): photos and documents on requests, replies and site visits, stored in MongoDB
 * with the data (so a backup or a replica set holds them too). Uploads stream through a temporary
 * folder under the data directory, emptied at start.
 */
public final class AttachmentsFeature implements Feature {

    /** The largest file accepted: a phone photo is 2–8 MB, a scanned document rarely more. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final long maxBytes;

    public AttachmentsFeature() {
        this(MAX_BYTES);
    }

    /** @param maxBytes the largest file accepted (tests use a smaller one) */
    public AttachmentsFeature(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(AttachmentCollections.ATTACHMENTS);
        Path uploads = platform.dataDir().resolve("uploads");
        AttachmentStore store = new AttachmentStore(platform.stores().mongo());
        Attachments attachments = new Attachments(store, platform.blocking(), platform.clock());
        platform.route(new AttachmentRoutes(platform.vertx(), attachments, new Downloads(store),
                platform.ports().require(RequestModule.class).service(), platform.ports().require(ProjectModule.class),
                uploads, maxBytes));
        return platform.blocking().executeBlocking(() -> {
            emptyFolder(uploads);
            return null;
        }, false).compose(v -> store.start());
    }

    private static void emptyFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> leftovers = Files.list(dir)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
