package cn.liaison.backend.identity;

import java.time.Duration;
import java.time.Instant;

/** A login that did not succeed: wrong credentials (whatever the reason), or a locked account. */
public final class LoginRejected extends RuntimeException {

    private final Instant lockedUntil;
    private final Duration retryAfter;

    private LoginRejected(Instant lockedUntil, Duration retryAfter) {
        super(lockedUntil == null ? "bad credentials" : "locked until " + lockedUntil, null, false, false);
        this.lockedUntil = lockedUntil;
        this.retryAfter = retryAfter;
    }

    static LoginRejected badCredentials() {
        return new LoginRejected(null, null);
    }

    static LoginRejected locked(Instant until, Instant now) {
        return new LoginRejected(until, Duration.between(now, until));
    }

    public boolean locked() {
        return lockedUntil != null;
    }

    /** When a locked account accepts logins again; null when not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** How long until then; null when not locked. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
