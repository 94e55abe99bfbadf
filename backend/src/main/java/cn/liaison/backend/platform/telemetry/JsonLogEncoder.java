package cn.liaison.backend.platform.telemetry;

import cn.liaison.backend.platform.log.Masking;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line ({@code LOG_FORMAT=json}): time, level, logger, thread, message, the
 * request's context (request id, user id, feature, trace id) and the stack trace. Message and stack
 * trace pass through the same {@link Masking} as the plain format.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private final ExtendedThrowableProxyConverter stack = new ExtendedThrowableProxyConverter();

    @Override
    public void start() {
        stack.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return (line(event, RequestContext.current()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    String line(ILoggingEvent event, Map<String, String> context) {
        JsonObject json = new JsonObject()
                .put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("level", event.getLevel().toString())
                .put("logger", event.getLoggerName())
                .put("thread", event.getThreadName())
                .put("msg", Masking.mask(event.getFormattedMessage()));
        context.forEach(json::put);
        if (event.getThrowableProxy() != null) {
            json.put("error", Masking.mask(stack.convert(event)));
        }
        return json.encode();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
