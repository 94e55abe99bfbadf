package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Where accounts are kept, as the login needs them. */
@Published
public interface UserAccounts {

    Future<Optional<UserAccount>> byUsername(String normalizedUsername);

    Future<Optional<UserAccount>> byId(String id);

    /** Records a successful login. */
    Future<Void> recordSuccess(String id, Instant at);

    Future<Long> count();

    /** Fails with a duplicate-key error when the id or username exists. */
    Future<Void> insert(UserAccount account);
}
