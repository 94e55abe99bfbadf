package cn.liaison.backend.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Where accounts are kept, as the login needs them. */
public interface UserAccounts {

    Future<Optional<UserAccount>> byUsername(String normalizedUsername);

    Future<Optional<UserAccount>> byId(String id);

    /** Adds one to the consecutive failures and returns the new count. */
    Future<Integer> recordFailure(String id);

    /** Locks the account until the given time and starts counting failures from zero again. */
    Future<Void> lock(String id, Instant until);

    /** Clears failures and any lock after a successful login. */
    Future<Void> recordSuccess(String id, Instant at);

    Future<Long> count();

    /** Fails with a duplicate-key error when the id or username exists. */
    Future<Void> insert(UserAccount account);
}
