package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.bots.hotline12345.InboundCheck;
import cn.liaison.bots.hotline12345.Signature;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;

/**
 * Lets a platform call through only when the integration is configured, the timestamp is fresh,
 * the signature matches the exact body, and that signature has not been used before within the
 * window (remembered in Redis, so a replay to another instance is caught too).
 */
final class InboundGuard {

    private static final String REPLAY_PREFIX = "12345:seen:";
    private static final String VERDICT = "12345.verdict";

    private final Hotline12345Settings settings;
    private final InboundCheck check;
    private final RedisAPI redis;
    private final Clock clock;

    InboundGuard(Hotline12345Settings settings, RedisAPI redis, Clock clock) {
        this.settings = settings;
        this.check = settings.secret().map(secret -> new InboundCheck(new Signature(secret), settings.window())).orElse(null);
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * Succeeds when the call may be processed; otherwise fails with the problem to answer. Decided
     * once per call: the edge admits before the contract's schema is checked (an unsigned caller
     * learns nothing about the fields), and later callers on the same call get that verdict.
     */
    Future<Void> admit(RoutingContext rc) {
        Future<Void> decided = rc.get(VERDICT);
        if (decided == null) {
            decided = decide(rc);
            rc.put(VERDICT, decided);
        }
        return decided;
    }

    /** Admits every call under {@code prefix} before anything else reads its body. */
    io.vertx.core.Handler<RoutingContext> edge(String prefix) {
        return rc -> {
            if (rc.request().path().startsWith(prefix)) {
                admit(rc).onSuccess(ok -> rc.next()).onFailure(rc::fail);
            } else {
                rc.next();
            }
        };
    }

    private Future<Void> decide(RoutingContext rc) {
        if (check == null) {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAVAILABLE,
                    "12345 工单对接未配置（HOTLINE_12345_SECRET），请联系人防办系统管理员"));
        }
        String timestamp = rc.request().getHeader(Signature.TIMESTAMP_HEADER);
        String signature = rc.request().getHeader(Signature.SIGNATURE_HEADER);
        byte[] body = rc.body() == null || rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        InboundCheck.Failure failure = check.check(timestamp, signature, body, clock.instant());
        if (failure != null) {
            return Future.failedFuture(ProblemException.of(ProblemType.UNAUTHORIZED, failure.detail()));
        }
        String key = REPLAY_PREFIX + signature.strip().toLowerCase(java.util.Locale.ROOT);
        // Twice the window: a timestamp up to one window in the future stays valid that much longer.
        String ttl = Long.toString(settings.window().toSeconds() * 2);
        return redis.set(List.of(key, "1", "NX", "EX", ttl)).compose(set -> set == null
                ? Future.failedFuture(ProblemException.conflict("重复的请求：该签名已使用过。重试时请用新的时间戳重新签名"))
                : Future.succeededFuture());
    }
}
