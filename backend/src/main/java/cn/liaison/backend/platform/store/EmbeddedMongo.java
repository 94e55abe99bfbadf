package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * An in-process MongoDB: mongo-java-server on its H2 MVStore backend, one file under the data
 * directory, listening on a free loopback port. Writes are committed before they are acknowledged
 * (see {@link CommittingH2Backend}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final CommittingH2Backend backend;
    private final Path file;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, CommittingH2Backend backend, Path file, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.file = file;
        this.address = address;
    }

    public static EmbeddedMongo start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        Path file = dir.resolve("liaison.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        CommittingH2Backend backend = new CommittingH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(server, backend, file, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
