package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing over HTTP: attempts are reserved atomically before hashing, throttled per
 * account and client address (so a stranger cannot lock the real user out), and every refusal
 * looks the same. Client addresses are set with X-Forwarded-For, as nginx does.
 */
class LoginAbuseIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        // As behind nginx: the loopback peer is a trusted proxy, so X-Forwarded-For names the client.
        app = TestApp.start(dataDir, java.util.Map.of("TRUSTED_PROXIES", "127.0.0.1"), java.util.List.of(), c -> c);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aBurstOfFortyParallelGuessesChecksAtMostFivePasswordsAndTheRealUserStillSignsInElsewhere() throws Exception {
        String right = password("pukou-liaison-2");
        long before = app.port(cn.liaison.backend.identity.LoginService.class).passwordsChecked();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String guess = "guess-" + i;
                burst.add(CompletableFuture.supplyAsync(() -> login("pukou-liaison-2", guess, "203.0.113.7"), pool));
            }
            Set<String> bodies = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get(200, TimeUnit.SECONDS);
                assertEquals(401, r.statusCode(), r.body());
                bodies.add(withoutRequestId(r.body()));
            }
            long checked = app.port(cn.liaison.backend.identity.LoginService.class).passwordsChecked() - before;
            System.out.println("measured: 40 parallel guesses checked " + checked + " passwords");
            assertTrue(checked <= LoginThrottle.PAIR_LIMIT, "checked " + checked);
            assertEquals(1, bodies.size(), "every refusal looks the same: " + bodies);

            HttpResponse<String> rightButLocked = login("pukou-liaison-2", right, "203.0.113.7");
            assertEquals(401, rightButLocked.statusCode(), "the right password from the guessing address is refused too");
            assertEquals(bodies.iterator().next(), withoutRequestId(rightButLocked.body()));
            assertEquals(200, login("pukou-liaison-2", right, "198.51.100.20").statusCode(),
                    "the real user, from another address, is not locked out");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiveAnonymousWrongPasswordsDoNotLockTheAdminOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("city-admin", "wrong-" + i, "192.0.2.66").statusCode());
        }
        assertEquals(401, login("city-admin", password("city-admin"), "192.0.2.66").statusCode());
        assertEquals(200, login("city-admin", password("city-admin"), "192.0.2.1").statusCode());
    }

    @Test
    void unknownLockedAndWrongLookTheSame() throws Exception {
        String unknown = withoutRequestId(login("nobody-at-all", "whatever", "192.0.2.7").body());
        String wrong = withoutRequestId(login("hotline-agent", "not-it", "192.0.2.7").body());
        for (int i = 0; i < 5; i++) {
            login("pukou-head", "wrong-" + i, "192.0.2.7");
        }
        HttpResponse<String> locked = login("pukou-head", password("pukou-head"), "192.0.2.7");
        assertEquals(401, locked.statusCode());
        assertEquals(unknown, wrong);
        assertEquals(unknown, withoutRequestId(locked.body()));
        assertTrue(locked.headers().firstValue("Retry-After").isEmpty(), "no hint that this one is locked");
    }

    @Test
    void eachLockOfTheSameAddressLastsTwiceAsLong() throws Exception {
        String lockKey = "login:lock:pukou-liaison-1|192.0.2.99";
        for (int i = 0; i < 5; i++) {
            login("pukou-liaison-1", "wrong-" + i, "192.0.2.99");
        }
        long first = ttl(lockKey);
        assertTrue(first > 240 && first <= 300, "first lock " + first + " s");
        // as if the five minutes had passed
        app.app().platform().stores().redis().del(List.of(lockKey)).await(5, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("pukou-liaison-1", "again-" + i, "192.0.2.99").statusCode());
        }
        long second = ttl(lockKey);
        assertTrue(second > 540 && second <= 600, "second lock " + second + " s");
    }

    @Test
    void guessesFromManyAddressesStopAtTheAccountLimit() throws Exception {
        // as if ACCOUNT_LIMIT - 1 guesses had come from as many addresses in the last hour (each costs a hash)
        app.app().platform().stores().redis().setex("login:account:pukou-edz-liaison", "3600",
                Integer.toString(LoginThrottle.ACCOUNT_LIMIT - 1)).await(5, TimeUnit.SECONDS);
        assertEquals(401, login("pukou-edz-liaison", "spray-last", "10.1.0.1").statusCode());
        long before = app.port(cn.liaison.backend.identity.LoginService.class).passwordsChecked();
        assertEquals(401, login("pukou-edz-liaison", password("pukou-edz-liaison"), "10.2.0.1").statusCode());
        assertEquals(before, app.port(cn.liaison.backend.identity.LoginService.class).passwordsChecked(), "refused without checking");
    }

    private static long ttl(String key) throws Exception {
        return app.app().platform().stores().redis().ttl(key).await(5, TimeUnit.SECONDS).toLong();
    }

    /**
     * Every refusal costs a (dummy) hash on the two-thread hashing pool, so 40 at once take 40 hash
     * times: on a loaded build machine well beyond TestApp's 20 s request timeout.
     */
    private static HttpResponse<String> login(String username, String password, String address) {
        try {
            return HTTP.send(HttpRequest.newBuilder(app.uri("/api/v1/auth/login")).timeout(Duration.ofSeconds(180))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            new JsonObject().put("username", username).put("password", password).encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutRequestId(String body) {
        JsonObject json = new JsonObject(body);
        json.remove("requestId");
        return json.encode();
    }

    private static String password(String username) throws Exception {
        return app.demoAccounts().stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("username").equals(username)).findFirst().orElseThrow().getString("password");
    }
}
