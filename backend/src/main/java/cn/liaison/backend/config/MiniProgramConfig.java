package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The WeChat mini-program channel and its chat bot. WeChat is configured when the AppID is set; then
 * the secret is required, and the push token and AES key when pushes are used.
 *
 * @param templates  subscribe-message template ids by moment; a moment without one sends nothing
 * @param fieldKeys  our data fields (number, status, summary, time) → the template's keys
 */
public record MiniProgramConfig(
        Optional<String> appId,
        Optional<String> secret,
        Optional<String> token,
        Optional<String> aesKey,
        String msgFormat,
        String apiBase,
        Duration pushMaxAge,
        Map<Moment, String> templates,
        Map<String, String> fieldKeys,
        String miniprogramState,
        boolean msgSecCheck,
        int chatMessagesPerMinute,
        Duration chatIdle,
        Duration chatRetention) {

    /** When an enterprise gets a subscribe message. */
    public enum Moment { ACCEPTED, RESPONDED, REWORK_DONE, RATING, PLAN_PROGRESS, CHECK_IN }

    public MiniProgramConfig {
        if (appId.isPresent() && secret.isEmpty()) {
            throw new ConfigException(ConfigKey.WECHAT_SECRET.name(), "is required when WECHAT_APPID is set");
        }
        if (aesKey.isPresent() && aesKey.get().length() != 43) {
            throw new ConfigException(ConfigKey.WECHAT_AES_KEY.name(), "must be 43 characters (EncodingAESKey), was "
                    + aesKey.get().length());
        }
        if (aesKey.isPresent()) {
            try {
                java.util.Base64.getDecoder().decode(aesKey.get() + "=");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKey.WECHAT_AES_KEY.name(), "is not a valid EncodingAESKey (Base64 letters and digits)");
            }
        }
        if (!msgFormat.equals("JSON") && !msgFormat.equals("XML")) {
            throw new ConfigException(ConfigKey.WECHAT_MSG_FORMAT.name(), "must be JSON or XML, was '" + msgFormat + "'");
        }
        try {
            URI base = new URI(apiBase);
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
                throw new ConfigException(ConfigKey.WECHAT_API_BASE.name(), "must be an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(ConfigKey.WECHAT_API_BASE.name(), "is not a valid URL");
        }
        if (pushMaxAge.isNegative()) {
            throw new ConfigException(ConfigKey.WECHAT_PUSH_MAX_AGE_S.name(), "must not be negative");
        }
        if (!java.util.List.of("formal", "trial", "developer").contains(miniprogramState)) {
            throw new ConfigException(ConfigKey.WECHAT_MINIPROGRAM_STATE.name(), "must be formal, trial or developer");
        }
        if (chatMessagesPerMinute < 1) {
            throw new ConfigException(ConfigKey.CHAT_MESSAGES_PER_MINUTE.name(), "must be at least 1");
        }
        if (chatIdle.toMinutes() < 1) {
            throw new ConfigException(ConfigKey.CHAT_IDLE_MINUTES.name(), "must be at least 1");
        }
        if (chatRetention.toDays() < 1) {
            throw new ConfigException(ConfigKey.CHAT_RETENTION_DAYS.name(), "must be at least 1");
        }
        templates = Map.copyOf(templates);
        fieldKeys = Map.copyOf(fieldKeys);
    }

    /** Whether a real WeChat app is configured (else: local fake login in embedded mode only). */
    public boolean wechatConfigured() {
        return appId.isPresent();
    }

    static MiniProgramConfig from(Map<ConfigKey, String> v) {
        Map<Moment, String> templates = new EnumMap<>(Moment.class);
        text(v, ConfigKey.WECHAT_TEMPLATE_ACCEPTED).ifPresent(t -> templates.put(Moment.ACCEPTED, t));
        text(v, ConfigKey.WECHAT_TEMPLATE_RESPONDED).ifPresent(t -> templates.put(Moment.RESPONDED, t));
        text(v, ConfigKey.WECHAT_TEMPLATE_REWORK_DONE).ifPresent(t -> templates.put(Moment.REWORK_DONE, t));
        text(v, ConfigKey.WECHAT_TEMPLATE_RATING).ifPresent(t -> templates.put(Moment.RATING, t));
        text(v, ConfigKey.WECHAT_TEMPLATE_PLAN).ifPresent(t -> templates.put(Moment.PLAN_PROGRESS, t));
        text(v, ConfigKey.WECHAT_TEMPLATE_CHECK_IN).ifPresent(t -> templates.put(Moment.CHECK_IN, t));
        String bool = v.get(ConfigKey.WECHAT_MSG_SEC_CHECK).trim().toLowerCase(java.util.Locale.ROOT);
        if (!bool.equals("true") && !bool.equals("false")) {
            throw new ConfigException(ConfigKey.WECHAT_MSG_SEC_CHECK.name(), "must be true or false");
        }
        return new MiniProgramConfig(
                text(v, ConfigKey.WECHAT_APPID), text(v, ConfigKey.WECHAT_SECRET), text(v, ConfigKey.WECHAT_TOKEN),
                text(v, ConfigKey.WECHAT_AES_KEY),
                v.get(ConfigKey.WECHAT_MSG_FORMAT).trim().toUpperCase(java.util.Locale.ROOT),
                v.get(ConfigKey.WECHAT_API_BASE).trim().replaceAll("/+$", ""),
                Duration.ofSeconds(ConfigLoader.intValue(v, ConfigKey.WECHAT_PUSH_MAX_AGE_S)),
                templates, fieldKeys(v.get(ConfigKey.WECHAT_TEMPLATE_FIELDS)),
                v.get(ConfigKey.WECHAT_MINIPROGRAM_STATE).trim(),
                bool.equals("true"),
                ConfigLoader.intValue(v, ConfigKey.CHAT_MESSAGES_PER_MINUTE),
                Duration.ofMinutes(ConfigLoader.intValue(v, ConfigKey.CHAT_IDLE_MINUTES)),
                Duration.ofDays(ConfigLoader.intValue(v, ConfigKey.CHAT_RETENTION_DAYS)));
    }

    private static Map<String, String> fieldKeys(String raw) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String part : raw.split(",")) {
            String[] pair = part.trim().split("=");
            if (pair.length != 2 || !java.util.List.of("number", "status", "summary", "time").contains(pair[0].trim())
                    || !pair[1].trim().matches("[a-z_]+[0-9]+")) {
                throw new ConfigException(ConfigKey.WECHAT_TEMPLATE_FIELDS.name(),
                        "must look like number=character_string1,status=phrase2,...; cannot read '" + part.trim() + "'");
            }
            keys.put(pair[0].trim(), pair[1].trim());
        }
        return keys;
    }

    private static Optional<String> text(Map<ConfigKey, String> v, ConfigKey key) {
        return Optional.ofNullable(v.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Secrets shown only as set or unset. */
    @Override
    public String toString() {
        return "MiniProgramConfig[appId=" + appId.orElse("(none)") + ", secret=" + (secret.isPresent() ? "***" : "(none)")
                + ", token=" + (token.isPresent() ? "***" : "(none)") + ", aesKey=" + (aesKey.isPresent() ? "***" : "(none)")
                + ", msgFormat=" + msgFormat + ", apiBase=" + apiBase + ", templates=" + templates.keySet()
                + ", chatMessagesPerMinute=" + chatMessagesPerMinute + ", chatIdle=" + chatIdle
                + ", chatRetention=" + chatRetention + "]";
    }
}
