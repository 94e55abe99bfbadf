package cn.liaison.backend.platform.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must never reach a log: mainland mobile numbers keep only their first three and
 * last four digits; bearer tokens, JWTs, credentials in URLs and secret-looking query or JSON
 * values are replaced by {@code ***}. Applied to every log message by {@link MaskingConverter}.
 */
public final class Masking {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([a-z][a-z0-9+.-]*://[^:/@\\s]*:)[^@/\\s]+@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)((?:access_token|refresh_token|token|secret|password|passwd|session_key|sessionkey|appsecret|corpsecret|signature|msg_signature|ticket|code)"
                    + "\"?\\s*[=:]\\s*\"?)([^&\"\\s,}]+)");

    private Masking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Every log line passes here (an access line for each request, on the event loop): each
        // pattern runs only where a cheap scan finds what it needs, which most lines lack.
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String out = text;
        if (lower.contains("://") && out.indexOf('@') >= 0) {
            out = URL_CREDENTIALS.matcher(out).replaceAll("$1***@");
        }
        if (lower.contains("bearer")) {
            out = BEARER.matcher(out).replaceAll("$1***");
        }
        if (out.contains("eyJ")) {
            out = JWT.matcher(out).replaceAll("***");
        }
        if (mayNameASecret(lower)) {
            out = SECRET_PARAM.matcher(out).replaceAll("$1***");
        }
        return hasElevenDigits(out) ? maskMobiles(out) : out;
    }

    /** The patterns in full on every text, as before the scans: what {@link #mask} must equal (tests). */
    static String maskWithoutScans(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
        out = BEARER.matcher(out).replaceAll("$1***");
        out = JWT.matcher(out).replaceAll("***");
        out = SECRET_PARAM.matcher(out).replaceAll("$1***");
        return maskMobiles(out);
    }

    /** Whether a secret parameter's name may occur: each of {@link #SECRET_PARAM}'s names contains one of these. */
    private static boolean mayNameASecret(String lower) {
        if (lower.indexOf('=') < 0 && lower.indexOf(':') < 0) {
            return false;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SECRET_NAME_PARTS = {"token", "secret", "pass", "session", "signature", "ticket", "code"};

    /** Whether eleven digits follow one another somewhere: a mobile number needs them. */
    private static boolean hasElevenDigits(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 11) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** A phone number as shown to people who may not see it in full: {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "***";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    private static String maskMobiles(String text) {
        Matcher m = MOBILE.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll("$1****$3");
    }
}
