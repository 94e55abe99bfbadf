package cn.liaison.backend.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import cn.liaison.bots.hotline12345.Signature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract-driven hostile-input suite: for every operation in openapi.yaml, inputs generated
 * from a seed, each wrong in one way, sent as a caller the operation admits. Every answer must be
 * below 500 and, when refused, application/problem+json with nothing written (the store's
 * fingerprint before and after). {@code -Dhostile.perOperation=N} (default 24) and
 * {@code -Dhostile.seed=S} (default 14) size and vary the run; the report goes to
 * {@code target/hostile-input-report.md}.
 */
class HostileInputIT {

    static final String SECRET = "a-test-secret-of-enough-length";
    static final long BODY_LIMIT = 65_536;
    /** Refusals that record something by design: a failed sign-in is counted against the account. */
    static final Set<String> WRITES_ON_REFUSAL = Set.of("login");

    @TempDir
    static Path dataDir;
    static TestApp app;
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of("HOTLINE_12345_SECRET", SECRET, "BODY_LIMIT_BYTES", Long.toString(BODY_LIMIT),
                "KB_ANSWERS_PER_MINUTE", "100000", "DEMO", "on"), List.of(), c -> c);
        app.knowledgeBase().await(120, TimeUnit.SECONDS);
        for (String user : List.of("city-admin", "pukou-head", "pukou-liaison-1", "hotline-agent", "enterprise-1")) {
            tokens.put(user, app.loginAs(user));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The demo caller an operation admits (its first declared role), or none. */
    static String callerFor(ContractInputs.Operation op) {
        List<String> roles = op.roles();
        String first = roles.isEmpty() ? (op.path().contains("/chat/") || op.path().contains("/miniapp/") ? "ENTERPRISE"
                : op.path().contains("/hotline/") ? "AGENT" : "CITY_ADMIN") : roles.get(0);
        return switch (first) {
            case "ENTERPRISE" -> "enterprise-1";
            case "AGENT" -> "hotline-agent";
            case "LIAISON" -> "pukou-liaison-1";
            case "UNIT_HEAD" -> "pukou-head";
            case "CITY_ADMIN", "AUTHENTICATED" -> "city-admin";
            default -> null;
        };
    }

    @Test
    void everyOperationRefusesHostileInputWithAProblemAndWritesNothing() throws Exception {
        long seed = Long.getLong("hostile.seed", 14L);
        int perOperation = Integer.getInteger("hostile.perOperation", 24);
        ContractInputs inputs = new ContractInputs();
        Random random = new Random(seed);
        Signature signature = new Signature(SECRET);
        int tried = 0;
        int fiveHundreds = 0;
        int refusedWithWrites = 0;
        int accepted = 0;
        int notProblem = 0;
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ContractInputs.Operation op : inputs.operations()) {
            if (op.streams()) {
                skipped.add(op.id() + " (an event stream: a valid call never ends)");
                continue;
            }
            String caller = callerFor(op);
            for (int i = 0; i < perOperation; i++) {
                ContractInputs.Probe probe = inputs.probe(op, random, BODY_LIMIT);
                Map<String, String> before = StoreFingerprint.of(app);
                byte[] body = probe.rawBody() != null ? probe.rawBody()
                        : probe.body() == null ? new byte[0] : probe.body().getBytes(StandardCharsets.UTF_8);
                HttpRequest.Builder request;
                try {
                    request = HttpRequest.newBuilder(app.uri(probe.path()));
                } catch (IllegalArgumentException e) {
                    skipped.add(op.id() + " " + probe.kind() + " (not a URI Java's client sends)");
                    continue;
                }
                request.method(probe.method(), body.length == 0 && probe.contentType() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                if (probe.contentType() != null) {
                    request.header("Content-Type", probe.contentType());
                }
                if (caller != null) {
                    request.header("Authorization", "Bearer " + tokens.get(caller));
                }
                if (op.path().startsWith("/integrations/12345")) {
                    String ts = Long.toString(Instant.now().getEpochSecond());
                    request.header(Signature.TIMESTAMP_HEADER, ts).header(Signature.SIGNATURE_HEADER, signature.sign(ts, body));
                }
                HttpResponse<String> response = app.send(request);
                tried++;
                int status = response.statusCode();
                byStatus.merge(status / 100 + "xx", 1, Integer::sum);
                String where = op.id() + " " + probe.kind() + " " + abbreviate(probe.path()) + " "
                        + abbreviate(probe.body() == null ? "" : probe.body()) + " -> " + status + " " + abbreviate(response.body());
                if (status >= 500) {
                    fiveHundreds++;
                    failures.add("5xx: " + where);
                }
                if (status < 400) {
                    accepted++;
                    continue;
                }
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    notProblem++;
                    failures.add("not problem+json: " + where);
                }
                if (!WRITES_ON_REFUSAL.contains(op.id()) && !before.equals(StoreFingerprint.of(app))) {
                    refusedWithWrites++;
                    failures.add("refused but wrote: " + where);
                }
            }
        }
        String report = "# Hostile-input suite\n\nSeed " + seed + ", " + perOperation + " inputs per operation.\n\n"
                + "| inputs tried | 5xx | refused without problem+json | refused with a write | accepted (valid by chance) |\n"
                + "|---|---|---|---|---|\n| " + tried + " | " + fiveHundreds + " | " + notProblem + " | " + refusedWithWrites
                + " | " + accepted + " |\n\nBy status class: " + byStatus + "\n\nSkipped: " + skipped + "\n\n"
                + (failures.isEmpty() ? "No failures.\n" : "## Failures\n\n" + String.join("\n", failures) + "\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-input-report.md"), report);
        System.out.println(report);
        assertTrue(failures.isEmpty(), failures.size() + " failures of " + tried + ":\n" + String.join("\n",
                failures.subList(0, Math.min(40, failures.size()))));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
    }
}
