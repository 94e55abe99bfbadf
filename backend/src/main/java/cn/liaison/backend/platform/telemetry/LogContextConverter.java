package cn.liaison.backend.platform.telemetry;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/**
 * Logback converter ({@code %logctx}) for the plain format: {@code [requestId=… userId=… feature=…]}
 * while a request is being handled, nothing otherwise. Reads {@link RequestContext} on the thread
 * that logs (the console appender encodes synchronously).
 */
public final class LogContextConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> values = RequestContext.current();
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" [");
        for (String key : new String[] {RequestContext.REQUEST_ID, RequestContext.USER_ID, RequestContext.FEATURE,
                RequestContext.TRACE_ID}) {
            String value = values.get(key);
            if (value != null) {
                out.append(out.length() > 2 ? " " : "").append(key).append('=').append(value);
            }
        }
        return out.append(']').toString();
    }
}
