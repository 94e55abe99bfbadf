package cn.liaison.backend.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis jar), append-only file on,
 * data under the data directory, bound to a free loopback port.
 *
 * <p>The process outlives a {@code kill -9} of this JVM. Its pid file lets the next start stop that
 * orphan before it starts a new server on the same files, so two servers never share one AOF.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private RedisServer server;
    private boolean closed;
    private final int port;
    private final Path dir;

    private final DirectoryLock lock;

    private EmbeddedRedis(RedisServer server, int port, Path dir, DirectoryLock lock) {
        this.server = server;
        this.port = port;
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Fails when another live process owns this data directory's Redis (its lock is held): a second
     * instance on the same {@code DATA_DIR} must not mistake the first one's server for an orphan.
     */
    public static EmbeddedRedis start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("redis")).toAbsolutePath();
        Path pidFile = dir.resolve("redis.pid");
        DirectoryLock lock = DirectoryLock.acquire(dir.resolve("owner.lock"), "embedded Redis under " + dir);
        try {
            stopOrphan(pidFile);
            int port = freePort();
            return new EmbeddedRedis(startServer(dir, pidFile, port), port, dir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** {@code dir} is {@code DATA_DIR/redis}. */
    private static RedisServer startServer(Path dir, Path pidFile, int port) throws IOException {
        // The binary and this config live under the data directory, reused by every start: the
        // library's builder would unpack both into java.io.tmpdir again each time.
        Path config = dir.resolve("redis.conf");
        Files.writeString(config, String.join("\n",
                "bind 127.0.0.1",
                "dir " + dir,
                "appendonly yes",
                "appendfsync everysec",
                "save \"\"",
                "pidfile " + pidFile,
                "protected-mode yes",
                ""), StandardCharsets.US_ASCII);
        Path binary = NativeCache.redisServer(dir.getParent());
        RedisServer server = new RedisServer(port,
                List.of(binary.toString(), config.toString(), "--port", Integer.toString(port)), false);
        server.start();
        return server;
    }

    /**
     * Starts redis-server again on the same port and files when its process has died (killed, or
     * crashed), so clients reconnect to the same URL. Blocking: call from a worker thread.
     *
     * @return whether it was restarted
     */
    public synchronized boolean restartIfDead() throws IOException {
        if (closed) {
            return false;
        }
        Path pidFile = dir.resolve("redis.pid");
        boolean alive = Files.exists(pidFile) && parsePid(Files.readString(pidFile, StandardCharsets.US_ASCII).trim())
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent();
        if (alive) {
            return false;
        }
        LOG.warn("Embedded redis-server on port {} is not running: starting it again", port);
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            // The process is gone already; only the library's bookkeeping is reset here.
        }
        Files.deleteIfExists(pidFile);
        server = startServer(dir, pidFile, port);
        return true;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close();
        }
    }

    private static void stopOrphan(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        Optional<ProcessHandle> orphan = parsePid(text).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false));
        if (orphan.isPresent()) {
            LOG.warn("Stopping redis-server pid {} left running by an earlier crash", text);
            orphan.get().destroy();
            orphan.get().onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                orphan.get().destroyForcibly();
                return null;
            }).join();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
