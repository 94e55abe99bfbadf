package cn.liaison.backend.ops;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded MongoDB store. A backup is taken by the running service
 * ({@code POST /api/v1/admin/backups}, city administrators) with MVStore's online backup, so it is
 * the state of one commit, never a file torn by concurrent writes. A restore replaces the store
 * file while the service is stopped ({@code java -jar liaison-backend.jar restore ZIP}); the
 * embedded Redis holds nothing that must be restored (sessions, caches, locks, live-event buffers).
 */
public final class Backups implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final String STORE_FILE = "liaison.mv.db";

    private final Vertx vertx;
    private final EmbeddedMongo store;
    private final Path dir;
    private final Clock clock;

    /** @param store the embedded store, or null with an external MongoDB (then every backup is a 409) */
    public Backups(Vertx vertx, EmbeddedMongo store, Path dataDir, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.dir = dataDir.resolve("backups");
        this.clock = clock;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("createBackup").addHandler(this::create);
    }

    private void create(RoutingContext rc) {
        AuthHandler.require(rc, Role.CITY_ADMIN);
        if (store == null) {
            throw ProblemException.conflict("外部 MongoDB 请用 mongodump 或存储快照备份");
        }
        backup()
                .onSuccess(file -> rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("file", file.toString()).put("bytes", file.toFile().length()).encode()))
                .onFailure(rc::fail);
    }

    /** Writes a new zip under {@code DATA_DIR/backups}, off the event loop. */
    public Future<Path> backup() {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(dir);
            Path target = dir.resolve("liaison-" + STAMP.format(clock.instant()) + ".zip");
            Path partial = dir.resolve(target.getFileName() + ".partial");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
                store.backup(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backup written: {} ({} bytes)", target, Files.size(target));
            return target;
        }, false);
    }

    /**
     * Restores {@code zip} into {@code dataDir}; the service must be stopped (the store file is
     * locked while it runs). The file it replaces is kept beside it. Returns an exit code.
     */
    public static int restore(Path dataDir, Path zip, PrintStream out) {
        Path mongoDir = dataDir.resolve("mongo");
        Path target = mongoDir.resolve(STORE_FILE);
        Path incoming = mongoDir.resolve(STORE_FILE + ".restoring");
        try {
            Files.createDirectories(mongoDir);
            if (!extract(zip, incoming)) {
                out.println("restore: " + zip + " holds no *.mv.db store file");
                return 65;
            }
            // Opening both proves the copy is a readable store and that no running service holds the target.
            MVStore.open(incoming.toString()).close();
            if (Files.exists(target)) {
                MVStore.open(target.toString()).close();
                Files.move(target, mongoDir.resolve(STORE_FILE + ".before-restore-" + STAMP.format(java.time.Instant.now())));
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            // the indexes described the replaced data: the next start builds them from the restored documents
            Files.deleteIfExists(mongoDir.resolve(cn.liaison.backend.platform.store.EmbeddedMongo.INDEX_FILE));
            out.println("restore: " + zip + " → " + target);
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("restore failed (is the service still running?): " + e.getMessage());
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // the message above says what went wrong
            }
            return 1;
        }
    }

    private static boolean extract(Path zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(".mv.db")) {
                    try (OutputStream file = Files.newOutputStream(to)) {
                        copy(in, file);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
