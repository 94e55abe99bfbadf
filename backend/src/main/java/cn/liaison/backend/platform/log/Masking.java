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
        String out = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
        out = BEARER.matcher(out).replaceAll("$1***");
        out = JWT.matcher(out).replaceAll("***");
        out = SECRET_PARAM.matcher(out).replaceAll("$1***");
        return maskMobiles(out);
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
