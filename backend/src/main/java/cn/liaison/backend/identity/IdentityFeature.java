package cn.liaison.backend.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Users, passwords and login tokens. Publishes {@link Tokens}, {@link MongoUsers} (as
 * {@link UserDirectory} and {@link UserAccounts} too), {@link LoginService} and {@link PasswordHasher}.
 */
public final class IdentityFeature implements Feature {

    /**
     * @param jwtSecret     JWT_SECRET, or empty to keep a generated key under {@code dataDir}
     * @param passwordLogin whether {@code POST /api/v1/auth/login} accepts passwords
     */
    public record Settings(Optional<String> jwtSecret, Path dataDir, Duration jwtTtl, boolean passwordLogin) {
    }

    private final Settings config;

    public IdentityFeature(Settings config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(IdentityCollections.USERS);
        MongoUsers users = new MongoUsers(platform.stores().mongo());
        Tokens tokens = new Tokens(platform.vertx(), secret(), config.jwtTtl(), platform.clock(), users);
        PasswordHasher hasher = new PasswordHasher();
        int hashingThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        LoginService logins = new LoginService(users, hasher, tokens, platform.clock(),
                platform.vertx().createSharedWorkerExecutor("password-hashing", hashingThreads),
                new LoginThrottle(platform.stores().redis()));
        platform.ports().publish(Tokens.class, tokens);
        platform.ports().publish(MongoUsers.class, users);
        platform.ports().publish(UserDirectory.class, users);
        platform.ports().publish(UserAccounts.class, users);
        platform.ports().publish(WechatUsers.class, new WechatUsers(platform.stores().mongo()));
        platform.ports().publish(WecomAccounts.class, new WecomAccounts(platform.stores().mongo()));
        platform.ports().publish(PasswordHasher.class, hasher);
        platform.ports().publish(LoginService.class, logins);
        platform.route(new AuthRoutes(logins, users, users, tokens, config.passwordLogin()));
        platform.rawRoute(new AdminPage());
        return users.ensureIndexes();
    }

    private String secret() {
        try {
            return JwtSecrets.resolve(config.jwtSecret(), config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
