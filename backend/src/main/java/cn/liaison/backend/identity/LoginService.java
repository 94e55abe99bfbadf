package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password login for staff (and enterprise users with a password).
 *
 * <p>Every refusal is the same {@link LoginRejected} whether the username is unknown, the account is
 * disabled, the password wrong or the attempt throttled, and each costs one hash (a dummy one when no
 * real password is checked), so neither the answer nor its timing tells which. {@link LoginThrottle}
 * reserves each attempt before any hashing; hashing runs on the bounded {@code password-hashing} pool.
 */
@Published
public final class LoginService {

    /** Well-formed, same cost as a real hash, matches no password. */
    private static final String DUMMY_HASH =
            "pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$bm90LWEtcmVhbC1zYWx0$ZHVtbXktaGFzaC1tYXRjaGVzLW5vLXBhc3N3b3Jk";

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Tokens tokens;
    private final Clock clock;
    private final WorkerExecutor workers;
    private final LoginThrottle throttle;
    private final AtomicLong passwordsChecked = new AtomicLong();

    public LoginService(UserAccounts accounts, PasswordHasher hasher, Tokens tokens, Clock clock, WorkerExecutor workers,
                        LoginThrottle throttle) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.workers = workers;
        this.throttle = throttle;
    }

    /** A token and the account; fails with {@link LoginRejected}. */
    public Future<LoginResult> login(String username, String password, String clientAddress) {
        String name = UserAccount.normalize(username);
        return throttle.reserve(name, clientAddress)
                .compose(allowed -> allowed
                        ? accounts.byUsername(name).compose(found -> check(found.orElse(null), password, name, clientAddress))
                        : rejectAfterDummyCheck(password));
    }

    /** Real (not dummy) password checks since start: what the abuse tests count. */
    public long passwordsChecked() {
        return passwordsChecked.get();
    }

    /** A token for an existing account, without a password: for tests and trusted callers. */
    public Future<String> tokenFor(String userId) {
        return accounts.byId(userId)
                .map(found -> found.orElseThrow(() -> new IllegalArgumentException("no user " + userId)))
                .compose(account -> tokens.issue(account.principal()));
    }

    /** The stored form of a new password, computed off the event loop. */
    public Future<String> hash(String password) {
        return workers.executeBlocking(() -> hasher.hash(password), false);
    }

    private Future<LoginResult> check(UserAccount account, String password, String name, String address) {
        Future<Boolean> matches = account == null || !account.active()
                ? verify(password, DUMMY_HASH)
                : workers.executeBlocking(() -> {
                    passwordsChecked.incrementAndGet();
                    return hasher.verify(password, account.passwordHash());
                }, false);
        return matches.compose(ok -> ok
                ? throttle.succeeded(name, address)
                        .compose(v -> accounts.recordSuccess(account.id(), clock.instant()))
                        .compose(v -> tokens.issue(account.principal()))
                        .map(token -> new LoginResult(token, account))
                : throttle.failed(name, address)
                        .onSuccess(v -> cn.liaison.backend.platform.telemetry.Meters.loginFailed(false))
                        .compose(v -> Future.failedFuture(LoginRejected.badCredentials())));
    }

    /** Refused by the throttle (counted as a lock-out), answered like a wrong password. */
    private Future<LoginResult> rejectAfterDummyCheck(String password) {
        return verify(password, DUMMY_HASH).onSuccess(ignored -> cn.liaison.backend.platform.telemetry.Meters.loginFailed(true))
                .compose(ignored -> Future.failedFuture(LoginRejected.badCredentials()));
    }

    private Future<Boolean> verify(String password, String stored) {
        return workers.executeBlocking(() -> hasher.verify(password, stored), false);
    }

    /** A successful login. */
    public record LoginResult(String token, UserAccount account) {
    }
}
