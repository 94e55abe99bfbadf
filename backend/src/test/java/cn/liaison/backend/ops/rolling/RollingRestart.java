package cn.liaison.backend.ops.rolling;

import cn.liaison.backend.demo.DemoData;
import cn.liaison.backend.identity.LoginService;
import cn.liaison.backend.identity.MongoUsers;
import cn.liaison.backend.identity.PasswordHasher;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.org.MongoEnterprises;
import cn.liaison.backend.project.ProjectRefs;
import cn.liaison.backend.org.MongoUnits;
import cn.liaison.backend.org.UnitSeed;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three instances of the shaded jar on one shared MongoDB (mongo-java-server, as a standalone
 * server on a loopback port: no MongoDB server package exists here) and one Redis (the real
 * redis-server shipped in the embedded-redis jar), behind Debian's nginx. Drives traffic
 * ({@link Traffic}), restarts the instances one by one with SIGTERM, and prints what clients saw.
 * Run by {@code deploy/rolling-restart.sh}; everything listens on 127.0.0.1 only.
 *
 * <p>Usage: {@code RollingRestart WORK_DIR JAR STEADY_SECONDS}
 */
public final class RollingRestart {

    /** Seconds between taking an instance out of the proxy and stopping it: nginx's reload and in-flight calls. */
    static final int DRAIN_S = 3;
    static final String JWT_SECRET = "rolling-restart-harness-secret-0123456789abcdef";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        int steadyS = Integer.parseInt(args[2]);
        Files.createDirectories(work);
        EmbeddedMongo mongo = EmbeddedMongo.start(work.resolve("shared-mongo"));
        EmbeddedRedis redis = EmbeddedRedis.start(work.resolve("shared-redis"));
        List<Instance> instances = new ArrayList<>();
        Nginx nginx = null;
        try {
            seed(mongo.connectionString(), work);
            for (int i = 1; i <= 3; i++) {
                instances.add(new Instance(i, jar, work, freePort(), mongo.connectionString(), redis.url()));
            }
            // One after the other: three JVMs starting at once on two cores time out their start-up.
            for (Instance instance : instances) {
                instance.startUntilReady();
                // The knowledge-base index is built in the background after readiness: traffic starts once all have it.
                awaitOk(URI.create("http://127.0.0.1:" + instance.port + "/api/v1/kb/answer?q=%E4%BA%BA%E9%98%B2"), Duration.ofSeconds(300));
            }
            int proxyPort = freePort();
            nginx = new Nginx(work, proxyPort, instances);
            URI base = URI.create("http://127.0.0.1:" + proxyPort);
            awaitOk(base.resolve("/health/ready"), Duration.ofSeconds(30));

            Traffic traffic = new Traffic(base, work.resolve(DemoData.FILE));
            traffic.start();
            TimeUnit.SECONDS.sleep(steadyS);
            List<String> restarts = new ArrayList<>();
            for (Instance instance : instances) {
                long begin = System.nanoTime();
                // As an orchestrator does: out of the proxy first (nginx reloads, its old workers
                // finish what they carry), then SIGTERM; back in only once /health/ready says 200,
                // which includes the knowledge-base index.
                nginx.out(instance);
                TimeUnit.SECONDS.sleep(DRAIN_S);
                instance.stop();
                int starts = instance.startUntilReady();
                nginx.in(instance);
                restarts.add("instance " + instance.number + ": " + (System.nanoTime() - begin) / 1_000_000 + " ms to ready again"
                        + (starts > 1 ? " (" + starts + " starts: start-up timed out on the loaded machine, restarted as an orchestrator would)" : ""));
                TimeUnit.SECONDS.sleep(steadyS);
            }
            Traffic.Figures figures = traffic.stopAndCheck();
            int duplicates = duplicateNotifications(instances);
            StringBuilder report = new StringBuilder("Rolling restart of 3 instances behind nginx\n");
            restarts.forEach(r -> report.append("  ").append(r).append('\n'));
            report.append(figures.describe()).append("  duplicate notifications (same id delivered twice): ")
                    .append(duplicates).append('\n');
            System.out.print(report);
            Files.writeString(work.resolve("figures.txt"), report.toString());
        } finally {
            if (nginx != null) {
                nginx.stop();
            }
            for (Instance instance : instances) {
                instance.stop();
            }
            redis.close();
            mongo.close();
        }
        System.exit(0);
    }

    /** Units and demo people, as the embedded mode would create them (external stores get none). */
    private static void seed(String mongoUri, Path work) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongoUri).put("db_name", "liaison"));
            MongoUsers users = new MongoUsers(client);
            MongoUnits units = new MongoUnits(client);
            PasswordHasher hasher = new PasswordHasher();
            Tokens tokens = new Tokens(vertx, JWT_SECRET, Duration.ofHours(12), Clock.systemUTC(), users);
            LoginService logins = new LoginService(users, hasher, tokens, Clock.systemUTC(), vertx.createSharedWorkerExecutor("seed", 2),
                    new cn.liaison.backend.identity.LoginThrottle(null)); // seeding hashes passwords only: no sign-in, no Redis
            Future.all(users.ensureIndexes(), units.ensureIndexes())
                    .compose(v -> units.seedIfEmpty(UnitSeed.load()))
                    .compose(v -> new DemoData(vertx, users, new MongoEnterprises(client), new ProjectRefs(client), logins,
                            hasher, work).createOnFirstStart())
                    .await(120, TimeUnit.SECONDS);
            client.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** Debian's nginx in front of the instances; an instance taken out is marked {@code down} and nginx reloads. */
    static final class Nginx {
        private final Path dir;
        private final int port;
        private final List<Instance> instances;
        private final java.util.Set<Instance> down = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Process process;

        Nginx(Path work, int port, List<Instance> instances) throws Exception {
            this.dir = Files.createDirectories(work.resolve("nginx"));
            this.port = port;
            this.instances = instances;
            Files.createDirectories(dir.resolve("logs"));
            write();
            process = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        }

        void out(Instance instance) throws Exception {
            down.add(instance);
            reload();
        }

        void in(Instance instance) throws Exception {
            down.remove(instance);
            reload();
        }

        private void write() throws IOException {
            StringBuilder upstream = new StringBuilder();
            instances.forEach(i -> upstream.append("    server 127.0.0.1:").append(i.port).append(" max_fails=1 fail_timeout=3s")
                    .append(down.contains(i) ? " down" : "").append(";\n"));
            String template = Files.readString(Path.of("deploy/rolling-restart.nginx.conf"));
            Files.writeString(dir.resolve("nginx.conf"), template.replace("@UPSTREAM@", upstream)
                    .replace("@PORT@", Integer.toString(port)).replace("@DIR@", dir.toString()));
        }

        /** SIGHUP to the master: new workers take the new upstream, old ones finish their requests. */
        private void reload() throws Exception {
            write();
            new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start().waitFor();
            TimeUnit.MILLISECONDS.sleep(500);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Notification ids the log channel delivered more than once, over every instance's log. */
    private static int duplicateNotifications(List<Instance> instances) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        Pattern sent = Pattern.compile("notify (\\S+) request=");
        for (Instance instance : instances) {
            for (String line : Files.readAllLines(instance.log)) {
                Matcher m = sent.matcher(line);
                if (m.find()) {
                    seen.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        System.out.println("  notifications delivered: " + seen.size());
        return (int) seen.values().stream().filter(n -> n > 1).count();
    }

    static void awaitOk(URI uri, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(uri + " not ready within " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One backend process. */
    static final class Instance {
        final int number;
        final int port;
        final Path log;
        private final ProcessBuilder builder;
        private Process process;

        Instance(int number, Path jar, Path work, int port, String mongoUri, String redisUrl) throws IOException {
            this.number = number;
            this.port = port;
            Path dir = Files.createDirectories(work.resolve("instance-" + number));
            this.log = dir.resolve("out.log");
            builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("HTTP_PORT", Integer.toString(port));
            env.put("DATA_DIR", dir.toString());
            env.put("MONGO_URI", mongoUri);
            env.put("REDIS_URL", redisUrl);
            env.put("JWT_SECRET", JWT_SECRET);
            env.put("KB_ANSWERS_PER_MINUTE", "100000");
            env.put("SHUTDOWN_GRACE_S", "10");
        }

        void start() throws IOException {
            process = builder.start();
        }

        /** Starts until the instance is ready (stores and the knowledge-base index: minutes on a loaded machine), at most three times; returns how many starts it took. */
        int startUntilReady() throws Exception {
            for (int attempt = 1; ; attempt++) {
                start();
                try {
                    awaitReady(Duration.ofSeconds(480));
                    return attempt;
                } catch (IllegalStateException notReady) {
                    stop();
                    if (attempt == 3) {
                        throw notReady;
                    }
                }
            }
        }

        void awaitReady(Duration timeout) throws Exception {
            long until = System.nanoTime() + timeout.toNanos();
            while (process.isAlive() && System.nanoTime() < until) {
                try {
                    awaitOk(URI.create("http://127.0.0.1:" + port + "/health/ready"), Duration.ofSeconds(5));
                    return;
                } catch (IllegalStateException notYet) {
                    // checks whether the process is still alive, then waits on
                }
            }
            throw new IllegalStateException("instance " + number + " not ready (alive: " + process.isAlive() + ")");
        }

        /** SIGTERM, then wait for the graceful stop. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
