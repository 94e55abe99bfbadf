package cn.liaison.backend.acceptance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The jar users run, started the way the README and the Dockerfile start it: {@code java -jar
 * liaison-backend.jar}, configured only by environment variables, on a fresh data directory and a
 * free port. Its console goes to a file under {@code target/acceptance/} for diagnosis. It is
 * stopped with SIGTERM (then killed, with anything it started) by {@link #close()} or, if the test
 * JVM ends first, by a shutdown hook.
 */
final class ShippedJar implements AutoCloseable {

    /** Overridable, to run the suite against another build: {@code -Dliaison.jar=/path/to/liaison-backend.jar}. */
    static final String JAR_PROPERTY = "liaison.jar";
    // Generous: a loaded 2-core CI machine took 30–40 s to start, and readiness may come to wait for the KB index.
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    /** Environment passed through from the test JVM; everything else is the suite's own configuration. */
    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME");

    private final Process process;
    private final List<ProcessHandle> started = new CopyOnWriteArrayList<>();
    private final Path log;
    private final int port;
    private final Thread hook = new Thread(this::stop, "stop-shipped-jar");
    private Duration startup;
    private boolean stopped;
    private Integer exitCode;

    private ShippedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Path jar() {
        return Path.of(System.getProperty(JAR_PROPERTY, "target/liaison-backend.jar")).toAbsolutePath();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the jar with {@code env} (plus DATA_DIR, HTTP_HOST, HTTP_PORT) and returns once
     * {@code /health/ready} answers 200; fails with the exit code and the log's tail if it dies first.
     */
    static ShippedJar start(int port, Path dataDir, Path log, Map<String, String> env) throws Exception {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: the acceptance suite runs after `package` (mvn -B verify)");
        }
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the collector the image, the manifests and deploy/run-local.sh start it with
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseShenandoahGC", "-jar", jar.toString())
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        Map<String, String> inherited = new TreeMap<>(childEnv);
        childEnv.clear();
        PASSED_THROUGH.forEach(k -> {
            if (inherited.containsKey(k)) {
                childEnv.put(k, inherited.get(k));
            }
        });
        childEnv.putAll(env);
        childEnv.put("DATA_DIR", dataDir.toString());
        childEnv.put("HTTP_HOST", "127.0.0.1");
        childEnv.put("HTTP_PORT", Integer.toString(port));
        long begin = System.nanoTime();
        ShippedJar child = new ShippedJar(builder.start(), log, port);
        Runtime.getRuntime().addShutdownHook(child.hook);
        try {
            child.startup = child.awaitReady(begin);
            return child;
        } catch (Throwable e) {
            child.close();
            throw e;
        }
    }

    /** Polls {@code /health/ready} until it answers 200; no fixed sleeps, a short pause between attempts. */
    private Duration awaitReady(long begin) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = begin + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            rememberChildren();
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited with code " + process.exitValue() + " before it was ready; "
                        + "last lines of " + log + ":\n" + tail(40));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("/health/ready did not answer 200 within " + READY_WITHIN + "; last lines of " + log
                + ":\n" + tail(40));
    }

    /** Remembers the processes the jar started (the embedded redis-server), to stop them with it. */
    private void rememberChildren() {
        process.descendants().filter(p -> !started.contains(p)).forEach(started::add);
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Duration startup() {
        return startup;
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * SIGTERM, as an operator or Kubernetes stops it; after 30 s SIGKILL. Whatever the jar started
     * and left running is killed too. Returns the exit code, or null when it had to be killed.
     */
    synchronized Integer stop() {
        if (stopped) {
            return exitCode;
        }
        stopped = true;
        rememberChildren();
        try {
            process.destroy();
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return exitCode;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
