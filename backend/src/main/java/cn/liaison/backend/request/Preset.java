package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import java.time.Instant;
import java.util.Map;

/**
 * What an external system fixes when it hands a request over (a 12345 work order): its own
 * completion deadline, which replaces the one computed from the type, its order number, and the
 * original fields kept for the record ({@code source}).
 *
 * @param dueAt   null: the deadline follows the request type as usual
 * @param orderNo the external order number, stored on the request; null for none
 * @param source  the external message's own fields, stored as given (strings, numbers, lists)
 */
@Published
public record Preset(Instant dueAt, String orderNo, Map<String, Object> source) {

    public static final Preset NONE = new Preset(null, null, Map.of());

    public Preset {
        source = source == null ? Map.of() : Map.copyOf(source);
    }
}
