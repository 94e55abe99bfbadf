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

    private final RedisServer server;
    private final int port;
    private final Path dir;

    private EmbeddedRedis(RedisServer server, int port, Path dir) {
        this.server = server;
        this.port = port;
        this.dir = dir;
    }

    public static EmbeddedRedis start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("redis")).toAbsolutePath();
        Path pidFile = dir.resolve("redis.pid");
        stopOrphan(pidFile);
        int port = freePort();
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
        Path binary = NativeCache.redisServer(dataDir);
        RedisServer server = new RedisServer(port,
                List.of(binary.toString(), config.toString(), "--port", Integer.toString(port)), false);
        server.start();
        return new EmbeddedRedis(server, port, dir);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
