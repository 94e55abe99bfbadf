package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.RawRoutes;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <pre>
 *   GET  /wechat/mp/push   URL verification: signature → echostr
 *   POST /wechat/mp/push   message push (JSON or XML, plain or safe mode) → "success", handled afterwards
 * </pre>
 * Outside the contract because the bodies may be XML. A bad or missing signature is a 401 problem
 * and nothing is stored or processed.
 */
@Published
public final class PushRoutes implements RawRoutes {

    public static final String PATH = "/wechat/mp/push";
    private static final Logger LOG = LoggerFactory.getLogger(PushRoutes.class);

    private final PushCodec codec;
    private final PushInbox inbox;
    private final Clock clock;
    private final Duration maxAge;

    public PushRoutes(PushCodec codec, PushInbox inbox, Clock clock, Duration maxAge) {
        this.codec = codec;
        this.inbox = inbox;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void register(Router router) {
        router.get(PATH).handler(this::verify);
        router.post(PATH).handler(this::push);
    }

    private void verify(RoutingContext rc) {
        MultiMap q = rc.queryParams();
        if (!codec.validSignature(q.get("signature"), q.get("timestamp"), q.get("nonce")) || q.get("echostr") == null) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "签名校验失败");
        }
        rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(q.get("echostr"));
    }

    private void push(RoutingContext rc) {
        MultiMap q = rc.queryParams();
        checkAge(q.get("timestamp"));
        PushMessage message;
        try {
            message = codec.read(rc.body() == null ? "" : rc.body().asString(), "aes".equalsIgnoreCase(q.get("encrypt_type")),
                    q.get("signature"), q.get("msg_signature"), q.get("timestamp"), q.get("nonce"));
        } catch (PushCodec.BadSignature e) {
            LOG.warn("WeChat push refused: {}", e.getMessage());
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "签名校验失败");
        } catch (PushCodec.BadMessage e) {
            throw ProblemException.of(ProblemType.VALIDATION, "消息无法解析：" + e.getMessage());
        }
        inbox.accept(message)
                .onSuccess(isNew -> {
                    rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("success");
                    if (isNew) {
                        inbox.process(message.dedupeKey()).onFailure(e -> LOG.warn(
                                "WeChat push {} not answered yet, the sweep retries: {}", message.dedupeKey(), e.toString()));
                    }
                })
                .onFailure(rc::fail);
    }

    private void checkAge(String timestamp) {
        if (maxAge.isZero()) {
            return;
        }
        try {
            long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
            if (age <= maxAge.toSeconds()) {
                return;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through to the refusal
        }
        throw ProblemException.of(ProblemType.UNAUTHORIZED, "消息时间戳超出允许范围");
    }
}
