package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.backend.hotline.Hotline12345Settings;
import cn.liaison.backend.request.SlaPolicy;
import java.util.EnumMap;
import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.mobile.MobileConfig;
import cn.liaison.backend.wecom.QuietHours;
import cn.liaison.backend.wecom.WecomSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds {@link AppConfig} from three layers, later ones winning: the defaults in {@link ConfigKey},
 * an optional YAML/JSON file named by {@code CONFIG_FILE}, and environment variables. Any value that
 * cannot be used stops the start with a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {

    public static final String CONFIG_FILE = "CONFIG_FILE";

    private ConfigLoader() {
    }

    public static AppConfig load(Map<String, String> env) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            if (key.defaultValue() != null) {
                values.put(key, key.defaultValue());
            }
        }
        String file = env.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            values.putAll(readFile(file));
        }
        for (ConfigKey key : ConfigKey.values()) {
            String value = env.get(key.name());
            if (value != null) {
                values.put(key, value);
            }
        }
        PlaceholderSecrets.refuse(values);
        return build(values);
    }

    private static AppConfig build(Map<ConfigKey, String> v) {
        return new AppConfig(
                v.get(ConfigKey.HTTP_HOST).trim(),
                intValue(v, ConfigKey.HTTP_PORT),
                path(v, ConfigKey.DATA_DIR),
                optional(v, ConfigKey.MONGO_URI).map(uri -> mongoUri(uri)),
                v.get(ConfigKey.MONGO_DB).trim(),
                optional(v, ConfigKey.REDIS_URL).map(url -> redisUrl(url)),
                longValue(v, ConfigKey.BODY_LIMIT_BYTES),
                Duration.ofSeconds(longValue(v, ConfigKey.SHUTDOWN_GRACE_S)),
                v.get(ConfigKey.LOG_LEVEL).trim().toUpperCase(java.util.Locale.ROOT),
                Optional.ofNullable(v.get(ConfigKey.JWT_SECRET)).filter(s -> !s.isBlank()),
                Duration.ofSeconds(longValue(v, ConfigKey.JWT_TTL_S)),
                officeHours(v.get(ConfigKey.OFFICE_HOURS)),
                sla(v),
                intValue(v, ConfigKey.KB_ANSWERS_PER_MINUTE),
                intValue(v, ConfigKey.KB_BACKGROUND_EMBEDDINGS_PER_SECOND),
                hotline12345(v),
                new AppConfig.ProjectSettings(v.get(ConfigKey.POLICY_REGION).trim(), v.get(ConfigKey.PROJECT_CARD_LINK).trim()),
                MiniProgramConfig.from(v),
                mobile(v),
                onOff(v, ConfigKey.DEMO),
                cn.liaison.backend.config.OpsConfig.from(v),
                TrustedProxies.parse(optional(v, ConfigKey.TRUSTED_PROXIES)),
                TrustedProxies.routeLimits(v.get(ConfigKey.HTTP_CONCURRENCY), v.get(ConfigKey.HTTP_LATENCY_TARGET_MS)), ProactiveConfig.from(v));
    }

    private static boolean onOff(Map<ConfigKey, String> v, ConfigKey key) {
        String value = v.get(key).trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            throw new ConfigException(key.name(), "must be on or off, was '" + v.get(key).trim() + "'");
        }
        return value.equals("on");
    }

    private static Hotline12345Settings hotline12345(Map<ConfigKey, String> v) {
        Optional<String> secret = optional(v, ConfigKey.HOTLINE_12345_SECRET);
        if (secret.isPresent() && secret.get().length() < Hotline12345Settings.MIN_SECRET_LENGTH) {
            throw new ConfigException(ConfigKey.HOTLINE_12345_SECRET.name(), "must be at least "
                    + Hotline12345Settings.MIN_SECRET_LENGTH + " characters, was " + secret.get().length());
        }
        Optional<URI> base = optional(v, ConfigKey.HOTLINE_12345_BASE).map(raw -> {
            try {
                URI uri = new URI(raw.replaceAll("/+$", ""));
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new ConfigException(ConfigKey.HOTLINE_12345_BASE.name(), "must be an http(s) URL with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(ConfigKey.HOTLINE_12345_BASE.name(), "is not a valid URL");
            }
        });
        long window = longValue(v, ConfigKey.HOTLINE_12345_WINDOW_S);
        if (window < 30 || window > 3600) {
            throw new ConfigException(ConfigKey.HOTLINE_12345_WINDOW_S.name(), "must be between 30 and 3600 seconds, was "
                    + window);
        }
        return new Hotline12345Settings(secret, base, Duration.ofSeconds(window));
    }

    private static SlaPolicy sla(Map<ConfigKey, String> v) {
        Map<RequestType, Integer> days = new EnumMap<>(RequestType.class);
        for (String part : v.get(ConfigKey.SLA_COMPLETION_DAYS).split(",")) {
            String[] pair = part.trim().split("=");
            try {
                days.put(RequestType.valueOf(pair[0].trim()), Integer.parseInt(pair[1].trim()));
            } catch (RuntimeException e) {
                throw new ConfigException(ConfigKey.SLA_COMPLETION_DAYS.name(),
                        "must look like CONSULT=3,DEMAND=5,...; cannot read '" + part.trim() + "'");
            }
        }
        int sign = intValue(v, ConfigKey.SLA_SIGN_DAYS);
        int rework = intValue(v, ConfigKey.SLA_REWORK_DAYS);
        SlaPolicy defaults = SlaPolicy.defaults();
        try {
            return new SlaPolicy(sign, days, rework, defaults.escalateToCityAfter(), defaults.inviteRatingAfter(),
                    defaults.closeUnratedAfter());
        } catch (IllegalArgumentException e) {
            ConfigKey key = sign < 1 ? ConfigKey.SLA_SIGN_DAYS : rework < 1 ? ConfigKey.SLA_REWORK_DAYS
                    : ConfigKey.SLA_COMPLETION_DAYS;
            throw new ConfigException(key.name(), e.getMessage());
        }
    }

    private static MobileConfig mobile(Map<ConfigKey, String> v) {
        Optional<WecomSettings> wecom = optional(v, ConfigKey.WECOM_CORP_ID).map(corpId -> {
            String agent = optional(v, ConfigKey.WECOM_AGENT_ID).orElseThrow(() -> new ConfigException(
                    ConfigKey.WECOM_AGENT_ID.name(), "is required when WECOM_CORP_ID is set"));
            String secret = optional(v, ConfigKey.WECOM_SECRET).orElseThrow(() -> new ConfigException(
                    ConfigKey.WECOM_SECRET.name(), "is required when WECOM_CORP_ID is set"));
            int agentId;
            try {
                agentId = Integer.parseInt(agent);
            } catch (NumberFormatException e) {
                throw new ConfigException(ConfigKey.WECOM_AGENT_ID.name(), "must be a whole number, was '" + agent + "'");
            }
            if (optional(v, ConfigKey.PUBLIC_BASE_URL).isEmpty()) {
                throw new ConfigException(ConfigKey.PUBLIC_BASE_URL.name(),
                        "is required when WECOM_CORP_ID is set: WeCom messages and sign-in link back to it");
            }
            return new WecomSettings(corpId, agentId, secret,
                    httpUrl(v, ConfigKey.WECOM_API_BASE), httpUrl(v, ConfigKey.WECOM_AUTHORIZE_URL));
        });
        String password = v.get(ConfigKey.PASSWORD_LOGIN).trim().toLowerCase(java.util.Locale.ROOT);
        if (!password.equals("on") && !password.equals("off")) {
            throw new ConfigException(ConfigKey.PASSWORD_LOGIN.name(), "must be on or off, was '" + password + "'");
        }
        QuietHours quiet;
        try {
            quiet = QuietHours.parse(v.get(ConfigKey.QUIET_HOURS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.QUIET_HOURS.name(), e.getMessage());
        }
        long heartbeat = longValue(v, ConfigKey.SSE_HEARTBEAT_S);
        if (heartbeat < 1 || heartbeat > 120) {
            throw new ConfigException(ConfigKey.SSE_HEARTBEAT_S.name(), "must be between 1 and 120, was " + heartbeat);
        }
        Optional<String> publicBase = optional(v, ConfigKey.PUBLIC_BASE_URL).map(u -> httpUrl(v, ConfigKey.PUBLIC_BASE_URL));
        return new MobileConfig(wecom, password.equals("on"), quiet, Duration.ofSeconds(heartbeat), publicBase);
    }

    private static String httpUrl(Map<ConfigKey, String> v, ConfigKey key) {
        String raw = v.get(key).trim();
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key.name(), "must be an http(s) URL, was '" + raw + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key.name(), "is not a valid URL: '" + raw + "'");
        }
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    private static OfficeHours officeHours(String raw) {
        try {
            return OfficeHours.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.OFFICE_HOURS.name(), e.getMessage());
        }
    }

    private static Map<ConfigKey, String> readFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ConfigException(CONFIG_FILE, "is not a valid path: '" + file + "'");
        }
        Object parsed;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException(CONFIG_FILE, "cannot read '" + file + "': " + e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException(CONFIG_FILE, "'" + file + "' is not valid YAML or JSON: " + e.getMessage());
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ConfigException(CONFIG_FILE, "'" + file + "' must hold a map of KEY: value");
        }
        Map<ConfigKey, String> values = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            ConfigKey key = Arrays.stream(ConfigKey.values())
                    .filter(k -> k.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(name, "unknown key in " + file + "; known keys: "
                            + Arrays.stream(ConfigKey.values()).map(Enum::name).collect(Collectors.joining(", "))));
            if (entry.getValue() != null) {
                values.put(key, String.valueOf(entry.getValue()));
            }
        }
        return values;
    }

    private static Optional<String> optional(Map<ConfigKey, String> v, ConfigKey key) {
        return Optional.ofNullable(v.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public static int intValue(Map<ConfigKey, String> v, ConfigKey key) {
        long value = longValue(v, key);
        if (value > Integer.MAX_VALUE) {
            throw new ConfigException(key.name(), "is too large: " + value);
        }
        return (int) value;
    }

    private static long longValue(Map<ConfigKey, String> v, ConfigKey key) {
        String raw = v.get(key).trim();
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key.name(), "must be a whole number, was '" + raw + "'");
        }
    }

    private static Path path(Map<ConfigKey, String> v, ConfigKey key) {
        String raw = v.get(key).trim();
        try {
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(key.name(), "is not a valid path: '" + raw + "'");
        }
    }

    private static String mongoUri(String uri) {
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new ConfigException(ConfigKey.MONGO_URI.name(), "must start with mongodb:// or mongodb+srv://");
        }
        return uri;
    }

    private static String redisUrl(String url) {
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme();
            if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
                throw new ConfigException(ConfigKey.REDIS_URL.name(), "must start with redis:// or rediss://");
            }
            if (parsed.getHost() == null) {
                throw new ConfigException(ConfigKey.REDIS_URL.name(), "has no host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(ConfigKey.REDIS_URL.name(), "is not a valid URL");
        }
        return url;
    }
}
