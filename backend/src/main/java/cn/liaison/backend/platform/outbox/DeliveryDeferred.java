package cn.liaison.backend.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel may not send yet (quiet hours, a rate limit): the dispatcher tries again at
 * {@link #notBefore()} without counting a failed attempt, so a delayed message is never dropped.
 */
public final class DeliveryDeferred extends RuntimeException {

    private final Instant notBefore;

    public DeliveryDeferred(Instant notBefore, String reason) {
        super(reason, null, false, false);
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    }

    public Instant notBefore() {
        return notBefore;
    }
}
