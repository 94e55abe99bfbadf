package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import cn.liaison.backend.request.SlaPolicy;
import cn.liaison.backend.calendar.OfficeHours;
import cn.liaison.backend.hotline.Hotline12345Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole runtime configuration, built once at start from defaults, an optional file and the
 * environment (see {@link ConfigLoader}). Every field is already validated.
 *
 * @param httpHost         interface the HTTP server binds to
 * @param httpPort         HTTP port
 * @param dataDir          where the embedded stores keep their files
 * @param mongoUri         external MongoDB; empty means start the embedded one
 * @param mongoDb          database name
 * @param redisUrl         external Redis; empty means start the embedded one
 * @param bodyLimitBytes   largest accepted request body
 * @param shutdownGrace    how long in-flight requests may take to finish on SIGTERM
 * @param logLevel         root log level
 * @param jwtSecret        HS256 key for login tokens; empty means embedded mode generates and keeps
 *                         one under the data directory (external mode requires it)
 * @param jwtTtl           lifetime of a login token
 * @param officeHours      office hours on working days, Asia/Shanghai
 * @param hotline12345     the 12345 work-order integration (off without a secret)
 * @param projects         the project library's settings (policy region, contact-card link)
 * @param miniProgram      WeChat mini-program and chat settings (secrets never printed)
 * @param mobile           WeCom, password sign-in switch, quiet hours, live event stream
 * @param demo             {@code DEMO=on}: demo data, the pretend WeChat login, demo bindings approved at once
 */
public record AppConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Optional<String> mongoUri,
        String mongoDb,
        Optional<String> redisUrl,
        long bodyLimitBytes,
        Duration shutdownGrace,
        String logLevel,
        Optional<String> jwtSecret,
        Duration jwtTtl,
        OfficeHours officeHours,
        SlaPolicy sla,
        int kbAnswersPerMinute,
        int kbBackgroundEmbeddingsPerSecond,
        Hotline12345Settings hotline12345,
        ProjectSettings projects,
        MiniProgramConfig miniProgram,
        cn.liaison.backend.mobile.MobileConfig mobile,
        boolean demo,
        cn.liaison.backend.config.OpsConfig ops,
        java.util.List<String> trustedProxies,
        cn.liaison.backend.platform.http.RouteLimits routeLimits, ProactiveConfig proactive) {

    /** Shorter secrets make HS256 tokens guessable offline. */
    public static final int MIN_JWT_SECRET_LENGTH = 32;

    public AppConfig {
        if (kbAnswersPerMinute < 1) {
            throw new ConfigException(ConfigKey.KB_ANSWERS_PER_MINUTE.name(), "must be at least 1, was " + kbAnswersPerMinute);
        }
        if (kbBackgroundEmbeddingsPerSecond < 0) {
            throw new ConfigException(ConfigKey.KB_BACKGROUND_EMBEDDINGS_PER_SECOND.name(), "must not be negative, was "
                    + kbBackgroundEmbeddingsPerSecond);
        }
        if (httpHost == null || httpHost.isBlank()) {
            throw new ConfigException(ConfigKey.HTTP_HOST.name(), "must not be empty");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new ConfigException(ConfigKey.HTTP_PORT.name(), "must be between 0 and 65535, was " + httpPort);
        }
        if (dataDir == null) {
            throw new ConfigException(ConfigKey.DATA_DIR.name(), "must not be empty");
        }
        if (mongoDb == null || !mongoDb.matches("[A-Za-z0-9_-]{1,63}")) {
            throw new ConfigException(ConfigKey.MONGO_DB.name(),
                    "must be 1-63 letters, digits, '_' or '-', was '" + mongoDb + "'");
        }
        if (bodyLimitBytes < 1024) {
            throw new ConfigException(ConfigKey.BODY_LIMIT_BYTES.name(), "must be at least 1024, was " + bodyLimitBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new ConfigException(ConfigKey.SHUTDOWN_GRACE_S.name(), "must not be negative");
        }
        if (!java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(logLevel)) {
            throw new ConfigException(ConfigKey.LOG_LEVEL.name(), "must be one of TRACE, DEBUG, INFO, WARN, ERROR, was '" + logLevel + "'");
        }
        if (jwtSecret.isEmpty() && mongoUri.isPresent()) {
            throw new ConfigException(ConfigKey.JWT_SECRET.name(), "is required when MONGO_URI is set: all instances must "
                    + "share one secret of at least " + MIN_JWT_SECRET_LENGTH + " characters");
        }
        if (jwtSecret.isPresent() && jwtSecret.get().length() < MIN_JWT_SECRET_LENGTH) {
            throw new ConfigException(ConfigKey.JWT_SECRET.name(), "must be at least " + MIN_JWT_SECRET_LENGTH
                    + " characters, was " + jwtSecret.get().length());
        }
        if (jwtTtl.compareTo(Duration.ofMinutes(1)) < 0 || jwtTtl.compareTo(Duration.ofDays(30)) > 0) {
            throw new ConfigException(ConfigKey.JWT_TTL_S.name(), "must be between 60 and 2592000 seconds, was "
                    + jwtTtl.toSeconds());
        }
        java.util.Objects.requireNonNull(officeHours, "officeHours");
        java.util.Objects.requireNonNull(hotline12345, "hotline12345");
        java.util.Objects.requireNonNull(projects, "projects settings");
        java.util.Objects.requireNonNull(miniProgram, "miniProgram");
        java.util.Objects.requireNonNull(mobile, "mobile");
    }

    /**
     * @param policyRegion the region whose policy rules apply themselves (免申即享)
     * @param cardLink     the QR link on a project contact card, containing {@code {id}}
     */
    public record ProjectSettings(String policyRegion, String cardLink) {

        public ProjectSettings {
            if (policyRegion == null || policyRegion.isBlank() || policyRegion.length() > 20) {
                throw new ConfigException(ConfigKey.POLICY_REGION.name(), "must be a region name such as 南京, was '" + policyRegion + "'");
            }
            if (cardLink == null || !cardLink.contains("{id}") || !cardLink.matches("https?://[^\\s]+")) {
                throw new ConfigException(ConfigKey.PROJECT_CARD_LINK.name(),
                        "must be an http(s) URL containing {id}, was '" + cardLink + "'");
            }
        }
    }

    /** Never shows the JWT secret or credentials inside the store URIs. */
    @Override
    public String toString() {
        return "AppConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dataDir=" + dataDir
                + ", mongoUri=" + mongoUri.map(cn.liaison.backend.platform.log.Masking::mask).orElse("(embedded)")
                + ", mongoDb=" + mongoDb
                + ", redisUrl=" + redisUrl.map(cn.liaison.backend.platform.log.Masking::mask).orElse("(embedded)")
                + ", bodyLimitBytes=" + bodyLimitBytes + ", shutdownGrace=" + shutdownGrace + ", logLevel=" + logLevel
                + ", jwtSecret=" + jwtSecret.map(s -> "***").orElse("(generated)") + ", jwtTtl=" + jwtTtl
                + ", officeHours=" + officeHours + ", hotline12345=" + hotline12345 + ", miniProgram=" + miniProgram + ", demo=" + demo + "]";
    }

    /** Where the stores are, for the platform and the kb-import command. */
    public cn.liaison.backend.platform.store.StoreSettings stores() {
        return new cn.liaison.backend.platform.store.StoreSettings(dataDir, mongoUri, mongoDb, redisUrl);
    }

    public boolean embeddedMongo() {
        return mongoUri.isEmpty();
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }
}
