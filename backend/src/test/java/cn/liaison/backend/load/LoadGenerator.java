package cn.liaison.backend.load;

import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A constant-rate (open-loop) HTTP load generator: requests leave at fixed intervals whether or not
 * earlier ones were answered, and each latency counts from the moment the request was due, so a
 * stalled server shows as latency instead of as a slower client (no coordinated omission). Starts
 * the real service in-process on embedded stores (it shares the machine's cores with the
 * generator), warms it up (120 s, then one round of the phases), then prints request create at 50 / 200 / 500
 * per second, chat at 100 per second with repeated questions, and create at 3× the highest rate served to
 * show shedding. Run by {@code deploy/load.sh}.
 *
 * <p>Arguments: seconds per phase (default 10), then optionally the phases to run, comma-separated
 * ({@code create,chat,overload}; all by default), for profiling one of them. With
 * {@code LOAD_TARGET_PORT} and {@code LOAD_TARGET_DATA_DIR} set it loads a service already running
 * on that port (the shipped jar with {@code DEMO=on}, in its own JVM: {@code deploy/load.sh jar}).
 */
public final class LoadGenerator {

    /** Share of chat messages that repeat one of the frequent questions (assumed; see the README). */
    static final double REPEATED = 0.7;
    private static final int FREQUENT = 30;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final int port;
    /** CPU time the service has used so far, in nanoseconds (with the generator's own when in-process). */
    private final java.util.function.LongSupplier serviceCpu;

    private LoadGenerator(int port, java.util.function.LongSupplier serviceCpu) {
        this.port = port;
        this.serviceCpu = serviceCpu;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(2_000));
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> phases = List.of((args.length > 1 ? args[1] : "create,chat,overload").split(","));
        Path dir = Files.createTempDirectory("liaison-load");
        Map<String, String> env = new java.util.HashMap<>(Map.of("CHAT_MESSAGES_PER_MINUTE", "1000000",
                "KB_ANSWERS_PER_MINUTE", "1000000", "LOG_LEVEL", "WARN"));
        // a fixed port, as the jar runs: one HTTP verticle a core (port 0 deploys a single one)
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            env.put("HTTP_PORT", String.valueOf(free.getLocalPort()));
        }
        for (String key : List.of("HTTP_CONCURRENCY", "HTTP_LATENCY_TARGET_MS", "HTTP_PORT")) {
            if (System.getenv(key) != null) {
                env.put(key, System.getenv(key)); // to compare admission settings
            }
        }
        String external = System.getenv("LOAD_TARGET_PORT");
        try (AutoCloseable app = external != null ? () -> { } : TestApp.start(dir, env, StartOptions.defaults())) {
            int port;
            String enterprise;
            if (app instanceof TestApp inProcess) {
                inProcess.knowledgeBase().await(300, TimeUnit.SECONDS);
                port = inProcess.app().port();
                enterprise = inProcess.loginAs("enterprise-1");
            } else {
                // a service started apart (deploy/load.sh jar: the shipped jar with DEMO=on, in its own JVM)
                port = Integer.parseInt(external);
                enterprise = loginTo(port, Path.of(System.getenv("LOAD_TARGET_DATA_DIR")), "enterprise-1");
            }
            String pid = System.getenv("LOAD_TARGET_PID");
            LoadGenerator load = new LoadGenerator(port, pid != null ? () -> processCpu(pid)
                    : ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean())::getProcessCpuTime);
            List<String> questions = KnowledgeBase.loadBundled().entries().stream().map(Entry::standardQuestion).toList();
            Random random = new Random(19);
            // the JIT compiles for minutes: C2 took 0.5-0.8 of a core for the first 90 s of load and under
            // 0.2 after two minutes (per-thread CPU from /proc); measured before that, every figure is worse
            int warmUp = Integer.parseInt(System.getenv().getOrDefault("LOAD_WARMUP_SECONDS", "120"));
            load.run("warm-up create 50/s", 50, warmUp * 2 / 3, i -> load.create(enterprise, -1 - i));
            load.run("warm-up chat 50/s", 50, warmUp / 3, i -> load.chat(enterprise, message(questions, random, i)));
            // ...and a path it has not run yet compiles when first loaded: a measured round right after that
            // warm-up still had C2 at a quarter of a core at 200/s and after (the shed path, the burst's
            // backlog), and a second round in the same JVM served 200/s with half the CPU. So the phases run
            // once as warm-up (LOAD_WARMUP_ROUNDS, default 1; figures printed, marked) before the measured round.
            int warmUpRounds = Integer.parseInt(System.getenv().getOrDefault("LOAD_WARMUP_ROUNDS", "1"));
            for (int round = 0; round <= warmUpRounds; round++) {
                load.phases(round < warmUpRounds ? "warm-up round " + (round + 1) + ": " : "", round, seconds, phases,
                        enterprise, questions, random);
            }
            load.vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /**
     * One round of the chosen phases (create at 50 / 200 / 500 per second, chat, overload at 3× the
     * most creates served), each name prefixed with {@code tag}; request texts differ per round.
     */
    private void phases(String tag, int round, int seconds, List<String> phases, String enterprise,
                        List<String> questions, Random random) throws Exception {
        int base = 10_000_000 * round;
        double capacity = 0;
        if (phases.contains("create")) {
            for (int rate : new int[] {50, 200, 500}) {
                int from = base + rate * 10_000;
                capacity = Math.max(capacity, run(tag + "create " + rate + "/s", rate, seconds, i -> create(enterprise, from + i)));
            }
        }
        if (phases.contains("chat")) {
            run(tag + "chat 100/s (" + Math.round(REPEATED * 100) + "% repeated)", 100, seconds,
                    i -> chat(enterprise, message(questions, random, i)));
        }
        if (phases.contains("overload")) {
            int rate = capacity > 0 ? (int) Math.round(3 * capacity) : 1_500;
            String why = capacity > 0 ? String.format("3x the %.0f/s served at most above", capacity) : "3x 500/s";
            // beside it, a request the service answers without any work (the liveness probe, never limited):
            // the least any answer, a refusal included, can take on this machine at that moment
            int overloadSeconds = Math.max(5, seconds / 2);
            Future<List<Sample>> probe = probe(PROBES_PER_SECOND, overloadSeconds);
            run(tag + "overload: create " + rate + "/s (" + why + ")", rate, overloadSeconds,
                    i -> create(enterprise, base + 9_000_000 + i));
            List<Long> idle = probe.await(60, TimeUnit.SECONDS).stream().map(Sample::nanos).sorted().toList();
            System.out.printf("%-48s %d answered p50 %.1f ms p99 %.1f ms max %.1f ms%n", tag + "  beside it: GET /health/live "
                    + PROBES_PER_SECOND + "/s", idle.size(), idle.get(idle.size() / 2) / 1e6,
                    idle.get((int) Math.ceil(idle.size() * 0.99) - 1) / 1e6, idle.get(idle.size() - 1) / 1e6);
        }
    }

    /** Liveness probes a second sent beside the overload phase. */
    private static final int PROBES_PER_SECOND = 50;

    /**
     * Sends {@code request} {@code rate} times a second for {@code seconds}, each at its due time
     * (open loop), and completes with every answer's status (0: failed), due time after the start
     * and latency from its due time.
     */
    private Future<List<Sample>> paced(int rate, int seconds, IntFunction<Future<Integer>> request) {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Promise<List<Sample>> done = Promise.promise();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        int[] sent = {0};
        int[] answered = {0};
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (sent[0] < total && start + sent[0] * interval <= now) {
                long due = start + sent[0] * interval;
                int i = sent[0]++;
                request.apply(i).onComplete(r -> {
                    samples.add(new Sample(r.succeeded() ? r.result() : 0, due - start, System.nanoTime() - due));
                    if (++answered[0] == total) {
                        done.tryComplete(List.copyOf(samples));
                    }
                });
            }
            if (sent[0] == total) {
                vertx.cancelTimer(timer);
            }
        });
        return done.future();
    }

    /** Sends {@code GET /health/live} at {@code rate} a second for {@code seconds}; each latency from its due time. */
    private Future<List<Sample>> probe(int rate, int seconds) {
        return paced(rate, seconds, i -> http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/health/live")
                        .setTimeout(10_000))
                .compose(request -> request.send())
                .compose(response -> response.body().map(b -> response.statusCode())));
    }

    /** A process's user and system CPU time from {@code /proc} (Linux), in nanoseconds; -1 when unknown. */
    static long processCpu(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Signs in over HTTP with a demo account's password, as the demo mode saved it in the service's DATA_DIR. */
    private static String loginTo(int port, Path dataDir, String username) throws Exception {
        String password = new io.vertx.core.json.JsonArray(Files.readString(dataDir.resolve("demo-accounts.json"))).stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("username").equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo account " + username + " in " + dataDir))
                .getString("password");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                                .put("password", password).encode())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body()).getString("token");
    }

    /** A frequent question (Zipf-like: the first few most often) or, otherwise, a question not asked before. */
    static String message(List<String> questions, Random random, int i) {
        if (random.nextDouble() < REPEATED) {
            int rank = (int) Math.floor(Math.pow(FREQUENT + 1, random.nextDouble())) - 1;
            return questions.get(Math.min(rank, questions.size() - 1));
        }
        return questions.get(random.nextInt(questions.size())) + "（第" + i + "次咨询）";
    }

    private Future<Integer> create(String token, int i) {
        return send(HttpMethod.POST, "/api/v1/requests", token,
                new JsonObject().put("content", "地下室人防工程竣工验收需要准备哪些材料，编号" + i).encode());
    }

    private Future<Integer> chat(String token, String text) {
        return send(HttpMethod.POST, "/api/v1/chat/messages", token, new JsonObject().put("text", text).encode());
    }

    private Future<Integer> send(HttpMethod method, String path, String token, String body) {
        return http.request(new RequestOptions().setMethod(method).setURI(path).setTimeout(10_000)
                        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> response.statusCode()));
    }

    private record Sample(int status, long due, long nanos) {}

    /**
     * Sends {@code rate} requests a second for {@code seconds}, each at its due time, prints what came
     * back and returns how many a second succeeded (2xx).
     */
    private double run(String name, int rate, int seconds, IntFunction<Future<Integer>> request) throws Exception {
        long cpuBefore = serviceCpu.getAsLong();
        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        List<Sample> samples = paced(rate, seconds, request).await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = serviceCpu.getAsLong() - cpuBefore;
        Map<Integer, List<Long>> byStatus = new TreeMap<>();
        samples.forEach(s -> byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(s.nanos()));
        StringBuilder line = new StringBuilder(String.format("%-48s offered %5d/s for %2d s:", name, rate, seconds));
        byStatus.forEach((status, latencies) -> {
            latencies.sort(null);
            line.append(String.format("  %s %d (%.0f/s) p50 %.1f ms p99 %.1f ms max %.1f ms",
                    status == 0 ? "error" : status, latencies.size(), latencies.size() / elapsed,
                    latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6,
                    latencies.get(latencies.size() - 1) / 1e6));
        });
        if (cpuBefore >= 0 && cpu >= 0) {
            // what a request costs the machine, less sensitive than latency to what else runs on it
            line.append(String.format("  cpu %.2f cores, %.2f ms a request", cpu / 1e9 / elapsed, cpu / 1e6 / Math.max(1, samples.size())));
        }
        System.out.println(line);
        String trace = System.getenv("LOAD_TRACE_DIR");
        if (trace != null) {
            // one line a request (due ms after the phase began, status, latency ms): where the slow ones cluster
            StringBuilder csv = new StringBuilder("# began at " + java.time.Instant.ofEpochMilli(startedAt) + "\ndue_ms,status,latency_ms\n");
            samples.stream().sorted(java.util.Comparator.comparingLong(Sample::due)).forEach(s -> csv.append(
                    String.format("%.1f,%d,%.2f%n", s.due() / 1e6, s.status(), s.nanos() / 1e6)));
            Files.writeString(Path.of(trace, name.replaceAll("[^A-Za-z0-9]+", "-") + ".csv"), csv);
        }
        return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(e -> e.getValue().size()).sum() / elapsed;
    }
}
