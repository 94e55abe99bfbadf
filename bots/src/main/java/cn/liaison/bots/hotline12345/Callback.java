package cn.liaison.bots.hotline12345;

import cn.liaison.bots.domain.ReturnReason;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One callback to the platform.
 *
 * @param details the event's own fields: {@code result} and {@code resolution} for RESULT,
 *                {@code reason} (a {@link cn.liaison.bots.domain.ReturnReason} code) and {@code note} for RETURNED,
 *                {@code workingDays} and {@code reason} for EXTENSION_REQUESTED, {@code handler} for SIGNED
 */
public record Callback(String orderNo, CallbackEvent event, Instant at, Map<String, Object> details) {
    public Callback {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        details = Map.copyOf(details);
    }
}
