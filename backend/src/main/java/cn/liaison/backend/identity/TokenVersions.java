package cn.liaison.backend.identity;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The per-account token version that makes sign-out and disabling take effect at once: a token
 * carries the version its account had when it was issued, and is honoured only while the account
 * is active and still has that version. Signing out, disabling, a new password or new roles bump it.
 */
public interface TokenVersions {

    /** The version of an active account; empty when the account does not exist or is disabled. */
    Future<Optional<Integer>> activeVersion(String userId);

    /** Invalidates every token issued for the account so far. */
    Future<Void> revokeTokens(String userId);
}
