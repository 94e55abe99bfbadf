package cn.liaison.backend.ops.rolling;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steady client traffic through the proxy: knowledge-base questions and task lists (idempotent
 * reads), new requests from an enterprise and liaisons accepting them (writes), and a liaison's
 * live event stream that reconnects with {@code Last-Event-ID} whenever it is cut. Counts what a
 * client sees; {@link #stopAndCheck} then looks for lost writes and missed or repeated events.
 */
final class Traffic {

    private static final String LIAISON = "pukou-liaison-1";
    private final URI base;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> eventIds = new ConcurrentHashMap<>();
    private final Set<String> assignedSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reconnects = new AtomicInteger();

    Traffic(URI base, Path demoAccounts) throws Exception {
        this.base = base;
        for (Object a : new JsonArray(Files.readString(demoAccounts))) {
            JsonObject account = (JsonObject) a;
            passwords.put(account.getString("username"), account.getString("password"));
        }
    }

    void start() throws Exception {
        String enterprise = login("enterprise-1");
        String liaison = login(LIAISON);
        loop("kb.answer (GET)", 100, () -> get("/api/v1/kb/answer?q=" + URLEncoder.encode("人防工程易地建设费怎么收", StandardCharsets.UTF_8), null));
        loop("tasks (GET)", 100, () -> get("/api/v1/tasks", liaison));
        loop("submit request (POST)", 300, () -> {
            // A client that retries a create sends the same Idempotency-Key: the proxy may then repeat it too.
            HttpResponse<String> r = send("POST", "/api/v1/requests", enterprise, new JsonObject().put("type", "DEMAND")
                    .put("content", "滚动重启测试：请协调人防竣工验收").put("projectId", "project-demo-1").encode(),
                    java.util.UUID.randomUUID().toString());
            if (r.statusCode() == 201) {
                created.add(new JsonObject(r.body()).getString("id"));
            }
            return r;
        });
        loop("accept task (POST)", 300, () -> acceptOne(liaison));
        Thread events = new Thread(() -> stream(liaison), "sse");
        events.setDaemon(true);
        events.start();
        threads.add(events);
    }

    /** Accepts one task that is assigned and not yet accepted; a 200 list when there is none. */
    private HttpResponse<String> acceptOne(String token) throws Exception {
        HttpResponse<String> tasks = get("/api/v1/tasks", token);
        if (tasks.statusCode() != 200) {
            return tasks;
        }
        for (Object t : new JsonObject(tasks.body()).getJsonArray("items")) {
            JsonObject task = (JsonObject) t;
            if ("ASSIGNED".equals(task.getString("status")) && accepted.add(task.getString("id"))) {
                return send("POST", "/api/v1/requests/" + task.getString("id") + "/accept", token, "{}");
            }
        }
        return tasks;
    }

    private void stream(String token) {
        String lastId = null;
        while (running.get()) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/events"))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET();
                if (lastId != null) {
                    request.header("Last-Event-ID", lastId);
                }
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    count(failed, "event stream (connect)", "HTTP " + response.statusCode());
                    TimeUnit.MILLISECONDS.sleep(500);
                    continue;
                }
                count(ok, "event stream (connect)", null);
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String id = null;
                    String data = null;
                    for (String line = lines.readLine(); line != null && running.get(); line = lines.readLine()) {
                        if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("data: ")) {
                            data = line.substring(6);
                        } else if (line.isEmpty() && id != null) {
                            eventIds.merge(id, 1, Integer::sum);
                            JsonObject event = data == null ? new JsonObject() : new JsonObject(data);
                            if ("assigned".equals(event.getString("type"))) {
                                assignedSeen.add(event.getString("requestId"));
                            }
                            lastId = id;
                            id = null;
                            data = null;
                        }
                    }
                }
                reconnects.incrementAndGet();
            } catch (Exception e) {
                count(failed, "event stream (connect)", e.getClass().getSimpleName());
                reconnects.incrementAndGet();
            }
        }
    }

    private void loop(String name, long everyMs, Call call) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = call.run();
                    if (r.statusCode() / 100 == 2) {
                        count(ok, name, null);
                    } else {
                        count(failed, name, "HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(120, r.body().length())));
                    }
                } catch (Exception e) {
                    count(failed, name, e.toString());
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(everyMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void count(Map<String, AtomicInteger> counts, String name, String why) {
        counts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (why != null) {
            failures.merge(name, why, (a, b) -> a.length() > 400 ? a : a + " | " + b);
        }
    }

    /** Stops the clients, lets the outbox and streams settle, then checks every acknowledged write. */
    Figures stopAndCheck() throws Exception {
        TimeUnit.SECONDS.sleep(5);
        running.set(false);
        for (Thread t : threads) {
            t.join(15_000);
        }
        String admin = login("city-admin");
        int lost = 0;
        for (String id : created) {
            if (get("/api/v1/requests/" + id, admin).statusCode() != 200) {
                lost++;
            }
        }
        int repeated = (int) eventIds.values().stream().filter(n -> n > 1).count();
        return new Figures(Map.copyOf(ok), Map.copyOf(failed), Map.copyOf(failures), created.size(), lost,
                eventIds.size(), repeated, reconnects.get(), created.size() - (int) created.stream().filter(assignedSeen::contains).count());
    }

    private String login(String username) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login")).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", passwords.get(username)).encode()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body()).getString("token");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> run() throws Exception;
    }

    /** What the clients saw. */
    record Figures(Map<String, AtomicInteger> ok, Map<String, AtomicInteger> failed, Map<String, String> why,
                   int created, int lost, int events, int repeatedEvents, int reconnects, int assignedNotSeen) {

        String describe() {
            StringBuilder out = new StringBuilder();
            new java.util.TreeSet<>(ok.keySet()).forEach(name -> out.append("  ").append(name).append(": ")
                    .append(ok.get(name)).append(" ok, ").append(failed.getOrDefault(name, new AtomicInteger()))
                    .append(" failed").append(why.containsKey(name) ? " (" + why.get(name) + ")" : "").append('\n'));
            out.append("  requests created (201): ").append(created).append(", lost (not found afterwards): ").append(lost).append('\n');
            out.append("  live events received: ").append(events).append(", received twice: ").append(repeatedEvents)
                    .append(", stream reconnects: ").append(reconnects)
                    .append(", created requests whose 'assigned' event never arrived: ").append(assignedNotSeen).append('\n');
            return out.toString();
        }
    }
}
