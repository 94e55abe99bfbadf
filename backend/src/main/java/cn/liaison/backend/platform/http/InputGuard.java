package cn.liaison.backend.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses, before routing, what no operation can use: an over-long URL (414), a query that is not
 * valid UTF-8, and text anywhere in the query or a JSON body holding characters nobody types — NUL
 * and other C0 controls (tab and line breaks are kept), DEL, C1 controls, lone surrogates, and
 * bidirectional overrides that make a name read differently from what is stored. Refusing them at
 * the edge keeps every feature's storage and logs free of them, one rule for all text fields.
 */
public final class InputGuard implements Handler<RoutingContext> {

    /** Longest request target served; Netty's own line limit is set above it so this answer wins. */
    public static final int MAX_URI_CHARS = 8192;

    @Override
    public void handle(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_URI_CHARS) {
            FailureHandler.send(rc, new Problem(ProblemType.VALIDATION.uri(), "地址过长", 414,
                    "请求地址超过 " + MAX_URI_CHARS + " 个字符的上限", null));
            return;
        }
        String query = rc.request().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null) {
                    throw ProblemException.invalid("查询参数不是有效的 UTF-8 编码",
                            List.of(new FieldError(eq < 0 ? pair : pair.substring(0, eq), "编码无效")));
                }
                refuseOddText(name, value);
            }
        }
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        if (body != null && body.length() > 0 && looksJson(rc.request().getHeader("Content-Type"))) {
            Object parsed;
            try {
                parsed = Json.decodeValue(body);
            } catch (DecodeException e) {
                rc.next(); // JsonBodyGuard answers with the position
                return;
            }
            walk("", parsed);
        }
        rc.next();
    }

    private static boolean looksJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase();
        return type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("text/plain") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static void walk(String path, Object value) {
        if (value instanceof JsonObject object) {
            for (String key : object.fieldNames()) {
                String at = path.isEmpty() ? key : path + "." + key;
                refuseOddText(at, key);
                walk(at, object.getValue(key));
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(path + "[" + i + "]", array.getValue(i));
            }
        } else if (value instanceof String text) {
            refuseOddText(path.isEmpty() ? "body" : path, text);
        }
    }

    /** Fails with a 400 naming the field when {@code text} holds a character {@link #odd} refuses. */
    static void refuseOddText(String field, String text) {
        String why = odd(text);
        if (why != null) {
            throw ProblemException.invalid("文本含有不允许的字符", List.of(new FieldError(truncate(field), why)));
        }
    }

    /** Why the text is refused, or null when every character is one people write. */
    public static String odd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有不成对的代理字符";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有不成对的代理字符";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return "含有控制字符";
            }
            if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                return "含有改变文字方向的控制字符";
            }
        }
        return null;
    }

    private static String truncate(String field) {
        String safe = field.length() > 80 ? field.substring(0, 80) + "…" : field;
        return odd(safe) == null ? safe : "(字段名)";
    }

    /** Percent-decodes strictly as UTF-8; null when the bytes are not UTF-8. */
    static String decode(String raw) {
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes[n++] = (byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                bytes[n++] = ' ';
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
