package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the service is operated: the management port with {@code /metrics}, the log format, trace
 * export and how long the service keeps its logs of questions, calls and messages.
 *
 * @param metricsPort   port of the management server; empty = no metrics endpoint
 * @param metricsHost   interface of the management server (loopback unless a pod must be scraped)
 * @param jsonLogs      one JSON object per log line instead of plain text
 * @param otlpEndpoint  OTLP/HTTP collector base URL; empty = tracing off
 * @param serviceName   service.name of exported spans
 * @param retention     how long each expiring collection is kept
 */
public record OpsConfig(Optional<Integer> metricsPort, String metricsHost, boolean jsonLogs,
                        Optional<URI> otlpEndpoint, String serviceName, Retention retention) {

    public OpsConfig {
        metricsPort.ifPresent(port -> {
            if (port < 0 || port > 65535) {
                throw new ConfigException(ConfigKey.METRICS_PORT.name(), "must be between 0 and 65535, was " + port);
            }
        });
        if (metricsHost == null || metricsHost.isBlank()) {
            throw new ConfigException(ConfigKey.METRICS_HOST.name(), "must not be empty");
        }
        if (serviceName == null || !serviceName.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException(ConfigKey.OTEL_SERVICE_NAME.name(), "must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /** Everything off: no management port, plain logs, no tracing, default retention. */
    public static OpsConfig defaults() {
        return new OpsConfig(Optional.empty(), "127.0.0.1", false, Optional.empty(), "liaison",
                new Retention(Duration.ofDays(365), Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(1095)));
    }

    public static OpsConfig from(Map<ConfigKey, String> v) {
        Optional<Integer> port = present(v, ConfigKey.METRICS_PORT).map(raw -> ConfigLoader.intValue(v, ConfigKey.METRICS_PORT));
        String format = v.get(ConfigKey.LOG_FORMAT).trim().toLowerCase(Locale.ROOT);
        if (!format.equals("plain") && !format.equals("json")) {
            throw new ConfigException(ConfigKey.LOG_FORMAT.name(), "must be plain or json, was '" + format + "'");
        }
        Optional<URI> otlp = present(v, ConfigKey.OTEL_EXPORTER_OTLP_ENDPOINT).map(OpsConfig::httpUri);
        Retention retention = new Retention(days(v, ConfigKey.QUESTION_LOG_RETENTION_DAYS),
                days(v, ConfigKey.HOTLINE_CALL_RETENTION_DAYS), days(v, ConfigKey.WECHAT_MESSAGE_RETENTION_DAYS),
                days(v, ConfigKey.AUDIT_RETENTION_DAYS));
        return new OpsConfig(port, v.get(ConfigKey.METRICS_HOST).trim(), format.equals("json"), otlp,
                v.get(ConfigKey.OTEL_SERVICE_NAME).trim(), retention);
    }

    private static Optional<String> present(Map<ConfigKey, String> v, ConfigKey key) {
        return Optional.ofNullable(v.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Duration days(Map<ConfigKey, String> v, ConfigKey key) {
        int days = ConfigLoader.intValue(v, key);
        if (days < 1 || days > 3650) {
            throw new ConfigException(key.name(), "must be between 1 and 3650 days, was " + days);
        }
        return Duration.ofDays(days);
    }

    private static URI httpUri(String raw) {
        try {
            URI uri = new URI(raw.replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(ConfigKey.OTEL_EXPORTER_OTLP_ENDPOINT.name(), "must be an http(s) URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(ConfigKey.OTEL_EXPORTER_OTLP_ENDPOINT.name(), "is not a valid URL");
        }
    }

    /**
     * @param questions  kb_questions (the gap report reads them)
     * @param calls      hotline_calls (assist sessions of 12345 agents)
     * @param wechat     wechat_messages and wechat_subscribe_log
     * @param audit      audit_log (AUDIT_RETENTION_DAYS)
     */
    public record Retention(Duration questions, Duration calls, Duration wechat, Duration audit) {
    }
}
