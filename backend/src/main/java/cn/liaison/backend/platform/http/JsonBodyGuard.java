package cn.liaison.backend.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects a request body that claims to be JSON, or looks like JSON, but does not parse, before
 * routing: broken JSON sent to any API path is a 400 naming where parsing stopped, never a 404 or
 * a 500. A body sent without a JSON content type (curl's default is a form type) is checked when it
 * starts like a JSON document.
 */
final class JsonBodyGuard implements Handler<RoutingContext> {

    private static final Pattern POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");

    @Override
    public void handle(RoutingContext rc) {
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        if (body == null || body.length() == 0 || !claimsJson(rc.request().getHeader("Content-Type"), body)) {
            rc.next();
            return;
        }
        try {
            Json.decodeValue(body);
        } catch (DecodeException e) {
            rc.fail(ProblemException.of(ProblemType.MALFORMED_JSON, "请求体无法解析为 JSON" + position(e.getMessage())
                    + "，请检查括号、引号和逗号"));
            return;
        }
        rc.next();
    }

    private static boolean claimsJson(String contentType, Buffer body) {
        if (contentType != null) {
            String type = contentType.toLowerCase();
            if (type.startsWith("application/json") || type.matches("application/[a-z0-9.+-]*\\+json.*")) {
                return true;
            }
            if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("text/plain")) {
                return false;
            }
        }
        for (int i = 0; i < body.length(); i++) {
            char c = (char) body.getByte(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static String position(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = POSITION.matcher(message);
        return m.find() ? "（第 " + m.group(1) + " 行第 " + m.group(2) + " 列附近）" : "";
    }
}
