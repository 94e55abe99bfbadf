package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, changed so that a write is on disk before the client hears it
 * succeeded. The stock backend leaves commits to MVStore's background auto-commit, so a
 * {@code kill -9} loses about the last second of acknowledged writes. Here every command that left
 * unsaved changes is committed before its reply is returned to the wire handler.
 */
final class CommittingH2Backend extends H2Backend {

    private final MVStore store;

    CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commitIfChanged();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        if (!store.isClosed() && store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
