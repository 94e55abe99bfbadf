package cn.liaison.backend.identity;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Password login for staff (and, until the mini-program login exists, enterprise users).
 *
 * <p>Every failure looks the same to the caller whether the username exists or not, and takes the
 * same time: an unknown or inactive user's password is still checked against a dummy hash. After
 * {@value #MAX_FAILURES} consecutive wrong passwords the account is locked for 15 minutes; a lock
 * refuses even the right password. Hashing runs on the bounded {@code password-hashing} worker pool.
 */
public final class LoginService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** Well-formed, same cost as a real hash, matches no password. */
    private static final String DUMMY_HASH =
            "pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$bm90LWEtcmVhbC1zYWx0$ZHVtbXktaGFzaC1tYXRjaGVzLW5vLXBhc3N3b3Jk";

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Tokens tokens;
    private final Clock clock;
    private final WorkerExecutor workers;

    public LoginService(UserAccounts accounts, PasswordHasher hasher, Tokens tokens, Clock clock, WorkerExecutor workers) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.workers = workers;
    }

    /** A token and the account; fails with {@link LoginRejected}. */
    public Future<LoginResult> login(String username, String password) {
        return accounts.byUsername(UserAccount.normalize(username))
                .compose(found -> found.isPresent() ? check(found.get(), password) : rejectAfterDummyCheck(password));
    }

    /** A token for an existing account, without a password: for tests and trusted callers. */
    public Future<String> tokenFor(String userId) {
        return accounts.byId(userId)
                .map(found -> found.orElseThrow(() -> new IllegalArgumentException("no user " + userId)))
                .map(account -> tokens.issue(account.principal()));
    }

    /** The stored form of a new password, computed off the event loop. */
    public Future<String> hash(String password) {
        return workers.executeBlocking(() -> hasher.hash(password), false);
    }

    private Future<LoginResult> check(UserAccount account, String password) {
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return Future.failedFuture(LoginRejected.locked(account.lockedUntil(), now));
        }
        if (!account.active()) {
            return rejectAfterDummyCheck(password);
        }
        return verify(password, account.passwordHash())
                .compose(matches -> matches ? succeed(account) : fail(account));
    }

    private Future<LoginResult> succeed(UserAccount account) {
        return accounts.recordSuccess(account.id(), clock.instant())
                .map(ignored -> new LoginResult(tokens.issue(account.principal()), account));
    }

    private Future<LoginResult> fail(UserAccount account) {
        return accounts.recordFailure(account.id())
                .compose(failures -> failures >= MAX_FAILURES ? lock(account) : Future.succeededFuture())
                .onSuccess(lockedUntil -> cn.liaison.backend.ops.Meters.loginFailed(lockedUntil != null))
                .compose(lockedUntil -> Future.failedFuture(lockedUntil == null
                        ? LoginRejected.badCredentials()
                        : LoginRejected.locked(lockedUntil, clock.instant())));
    }

    private Future<Instant> lock(UserAccount account) {
        Instant until = clock.instant().plus(LOCK);
        return accounts.lock(account.id(), until).map(until);
    }

    private Future<LoginResult> rejectAfterDummyCheck(String password) {
        return verify(password, DUMMY_HASH).onSuccess(ignored -> cn.liaison.backend.ops.Meters.loginFailed(false))
                .compose(ignored -> Future.failedFuture(LoginRejected.badCredentials()));
    }

    private Future<Boolean> verify(String password, String stored) {
        return workers.executeBlocking(() -> hasher.verify(password, stored), false);
    }

    /** A successful login. */
    public record LoginResult(String token, UserAccount account) {
    }
}
