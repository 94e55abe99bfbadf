package cn.liaison.backend;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times reads over HTTP for the gated scale ITs (PLANS_AT_SCALE=on): p50 / p99 of repeated reads or
 * one timed run, each line with the machine's load average at the time (the build machine is
 * shared, so absolute figures are read against it). Measures; the ITs assert answers and loose bounds.
 */
public final class ScaleTiming {

    private static final int SAMPLES = 20;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final String tag;
    private final FeatureFixture f;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new ArrayList<>();

    public ScaleTiming(String tag, FeatureFixture f) {
        this.tag = tag;
        this.f = f;
    }

    /** The 1-minute load average, or "?" where /proc is missing. */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** A long client timeout: a read that scans takes long on a loaded machine, and the bound is asserted apart. */
    public JsonObject get(String user, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(f.app.uri(path))
                .header("Authorization", "Bearer " + f.token(user)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return f.ok(response, 200);
    }

    /** One warm-up, then up to 20 runs within 20 s (at least 3); the p50 in ms. */
    public long repeat(String label, String user, String path) throws Exception {
        get(user, path);
        List<Long> samples = new ArrayList<>();
        long end = System.nanoTime() + BUDGET_NANOS;
        while (samples.size() < SAMPLES && (samples.size() < 3 || System.nanoTime() < end)) {
            long t0 = System.nanoTime();
            get(user, path);
            samples.add(System.nanoTime() - t0);
        }
        samples.sort(null);
        long p50 = samples.get(samples.size() / 2) / 1_000_000;
        long p99 = samples.get((int) Math.ceil(samples.size() * 0.99) - 1) / 1_000_000;
        record(String.format("%-48s p50 %6d ms  p99 %6d ms  (n=%d, load %s)", label, p50, p99, samples.size(), load()));
        return p50;
    }

    /** One timed read; its body. */
    public JsonObject once(String label, String user, String path) throws Exception {
        long t0 = System.nanoTime();
        JsonObject body = get(user, path);
        record(String.format("%-48s once %6d ms  (load %s)", label, (System.nanoTime() - t0) / 1_000_000, load()));
        return body;
    }

    /** One timed pass of a job; what it returned. */
    public int job(String label, String name) throws Exception {
        long t0 = System.nanoTime();
        int result = f.job(name);
        record(String.format("%-48s once %6d ms  (load %s, result %d)", label, (System.nanoTime() - t0) / 1_000_000, load(), result));
        return result;
    }

    public void record(String line) {
        lines.add(line);
        System.out.println(tag + " " + line);
    }

    public void print() {
        System.out.println(tag + " summary:");
        lines.forEach(l -> System.out.println(tag + "   " + l));
    }
}
