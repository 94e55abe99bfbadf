package cn.liaison.backend.hotline;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The 12345 integration's configuration.
 *
 * @param secret the shared HMAC key; empty: the integration is off (its endpoints answer 503 and
 *               nothing is stored or sent). Never generated, in any mode: the platform must be
 *               given the same key, so it is always set on purpose.
 * @param base   where callbacks go ({@code {base}/callbacks}); empty: callbacks wait in the outbox
 * @param window how far a message's timestamp may be from now, and how long signatures are
 *               remembered against replays
 */
public record Hotline12345Settings(Optional<String> secret, Optional<URI> base, Duration window) {

    public static final int MIN_SECRET_LENGTH = 16;

    public Hotline12345Settings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(window, "window");
    }

    public static Hotline12345Settings off() {
        return new Hotline12345Settings(Optional.empty(), Optional.empty(), Duration.ofSeconds(300));
    }

    public boolean enabled() {
        return secret.isPresent();
    }

    @Override
    public String toString() {
        return "Hotline12345Settings[secret=" + secret.map(s -> "***").orElse("(off)") + ", base="
                + base.map(URI::toString).orElse("(none)") + ", window=" + window + "]";
    }
}
