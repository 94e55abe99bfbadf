package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.AuthHandler;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;

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
 * <p>Tokens are checked by signature and expiry only: a deactivated account keeps working until
 * its token expires ({@code JWT_TTL_S}, 12 h by default).
 */
public final class Tokens implements AuthHandler.TokenVerifier {

    private static final String ISSUER = "liaison";
    private static final String ALGORITHM = "HS256";

    private final JWTAuth jwt;
    private final Duration ttl;
    private final Clock clock;

    public Tokens(Vertx vertx, String secret, Duration ttl, Clock clock) {
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
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(Principal principal) {
        long now = clock.instant().getEpochSecond();
        JsonObject claims = new JsonObject()
                .put("sub", principal.userId())
                .put("name", principal.name())
                .put("roles", new JsonArray(principal.roles().stream().map(Enum::name).toList()))
                .put("unitId", principal.unitId())
                .put("enterpriseId", principal.enterpriseId())
                .put("iat", now)
                .put("exp", now + ttl.toSeconds());
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER).setNoTimestamp(true));
    }

    /** The principal in a valid, unexpired token; fails with {@link TokenRejected} otherwise. */
    @Override
    public Future<Principal> verify(String token) {
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> Future.failedFuture(new TokenRejected("signature, issuer or format: " + e.getMessage())))
                .map(user -> user.attributes().getJsonObject("accessToken"))
                .map(this::principal);
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
    public static final class TokenRejected extends RuntimeException {
        TokenRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
