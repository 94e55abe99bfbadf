package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Login tokens: HS256 JWTs carrying the {@link Principal} ({@code sub}, {@code name},
 * {@code roles}, {@code unitId}, {@code enterpriseId}). Issue and expiry times come from the
 * injected clock, not from the JWT library's system time, so tests can move time forward.
 *
 * <p>A token also carries its account's token version ({@code tv}); every check looks the account up
 * by {@code _id} (an indexed read on every store, so revocation is immediate on every instance): a
 * disabled or deleted account, or one whose version moved on (sign-out, new password, new roles),
 * has no valid tokens.
 */
@Published
public final class Tokens implements AuthHandler.TokenVerifier {

    private static final String ISSUER = "liaison";
    private static final String ALGORITHM = "HS256";

    private final JWTAuth jwt;
    private final Duration ttl;
    private final Clock clock;
    private final TokenVersions versions;

    public Tokens(Vertx vertx, String secret, Duration ttl, Clock clock, TokenVersions versions) {
        JWTOptions options = new JWTOptions()
                .setAlgorithm(ALGORITHM)
                .setIssuer(ISSUER)
                // iat and exp are set from the clock below and checked in verify()
                .setNoTimestamp(true)
                .setIgnoreExpiration(true);
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
                .setJWTOptions(options));
        this.ttl = ttl;
        this.clock = clock;
        this.versions = versions;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A token for an active account, carrying its current token version; a 401 problem for any other. */
    public Future<String> issue(Principal principal) {
        return versions.activeVersion(principal.userId())
                .map(version -> sign(principal, version.orElseThrow(() -> ProblemException.of(ProblemType.UNAUTHORIZED,
                        "账号不存在或已停用"))));
    }

    private String sign(Principal principal, int version) {
        long now = clock.instant().getEpochSecond();
        JsonObject claims = new JsonObject()
                .put("sub", principal.userId())
                .put("name", principal.name())
                .put("roles", new JsonArray(principal.roles().stream().map(Enum::name).toList()))
                .put("unitId", principal.unitId())
                .put("enterpriseId", principal.enterpriseId())
                .put("tv", version)
                .put("iat", now)
                .put("exp", now + ttl.toSeconds());
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER).setNoTimestamp(true));
    }

    /**
     * The principal in a valid, unexpired, unrevoked token; fails with {@link TokenRejected} otherwise
     * (and with the store's error when the account cannot be looked up).
     */
    @Override
    public Future<Principal> verify(String token) {
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> Future.failedFuture(new TokenRejected("signature, issuer or format: " + e.getMessage())))
                .map(user -> user.attributes().getJsonObject("accessToken"))
                .compose(claims -> {
                    Principal principal = principal(claims);
                    Object tv = claims.getValue("tv");
                    if (!(tv instanceof Number issued)) {
                        throw new TokenRejected("no token version");
                    }
                    return versions.activeVersion(principal.userId())
                            .map(current -> {
                                if (current.isEmpty() || current.get() != issued.intValue()) {
                                    throw new TokenRejected("revoked, or the account is disabled or gone");
                                }
                                return principal;
                            });
                });
    }

    private Principal principal(JsonObject claims) {
        Long exp = claims.getValue("exp") instanceof Number n ? n.longValue() : null;
        if (exp == null || clock.instant().getEpochSecond() >= exp) {
            throw new TokenRejected("expired");
        }
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            claims.getJsonArray("roles").forEach(r -> roles.add(Role.valueOf(String.valueOf(r))));
            return new Principal(claims.getString("sub"), claims.getString("name"), roles,
                    claims.getString("unitId"), claims.getString("enterpriseId"));
        } catch (RuntimeException e) {
            throw new TokenRejected("claims: " + e.getMessage());
        }
    }

    /** A token that cannot be used; the message is for logs, never shown to users. */
    /** A token that is not (or no longer) valid: the answer is 401. */
    public static final class TokenRejected extends AuthHandler.TokenRejected {
        TokenRejected(String reason) {
            super(reason);
        }
    }
}
