package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.liaison.backend.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String SECRET = "unit-test-secret-with-more-than-32-characters";

    private final Vertx vertx = Vertx.vertx();
    private final MutableClock clock = MutableClock.at("2026-03-09T09:00:00+08:00");
    private final Map<String, Integer> versions = new ConcurrentHashMap<>(Map.of("user-1", 0));
    private final TokenVersions store = new TokenVersions() {
        @Override
        public Future<Optional<Integer>> activeVersion(String userId) {
            return Future.succeededFuture(Optional.ofNullable(versions.get(userId)));
        }

        @Override
        public Future<Void> revokeTokens(String userId) {
            versions.computeIfPresent(userId, (id, v) -> v + 1);
            return Future.succeededFuture();
        }
    };
    private final Tokens tokens = new Tokens(vertx, SECRET, Duration.ofHours(12), clock, store);
    private final Principal liaison = new Principal("user-1", "李娜", Set.of(Role.LIAISON), "district-pukou", null);

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void issuedTokenCarriesThePrincipal() throws Exception {
        Principal back = tokens.verify(issue(liaison)).await(5, TimeUnit.SECONDS);

        assertEquals(liaison, back);
    }

    @Test
    void tokenExpiresAfterItsLifetimeOnTheInjectedClock() throws Exception {
        String token = issue(liaison);

        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertEquals(liaison, tokens.verify(token).await(5, TimeUnit.SECONDS));

        clock.advance(Duration.ofSeconds(1));
        assertRejected(token, tokens);
    }

    @Test
    void tamperedOrForeignTokensAreRejected() throws Exception {
        String token = issue(liaison);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"user-1\",\"name\":\"x\",\"roles\":[\"CITY_ADMIN\"],\"iss\":\"liaison\",\"exp\":9999999999}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        Tokens other = new Tokens(vertx, "another-secret-with-more-than-32-characters", Duration.ofHours(12), clock, store);

        assertRejected(forged, tokens);
        assertRejected(token, other);
        assertRejected("not-a-jwt", tokens);
        assertRejected(parts[0] + "." + parts[1] + ".", tokens);
    }

    @Test
    void revokedOrDisabledAccountsTokensAreRejectedAtOnce() throws Exception {
        String token = issue(liaison);
        store.revokeTokens("user-1").await(5, TimeUnit.SECONDS);
        assertRejected(token, tokens);
        String fresh = issue(liaison);
        assertEquals(liaison, tokens.verify(fresh).await(5, TimeUnit.SECONDS));

        versions.remove("user-1");
        assertRejected(fresh, tokens);
        assertThrows(Exception.class, () -> issue(liaison), "no token for a disabled or missing account");
    }

    private String issue(Principal who) throws Exception {
        return tokens.issue(who).await(5, TimeUnit.SECONDS);
    }

    private static void assertRejected(String token, Tokens tokens) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> tokens.verify(token).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(Tokens.TokenRejected.class, e.getCause());
    }
}
