package cn.liaison.backend.config;

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
        String logLevel) {

    public AppConfig {
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
    }

    public boolean embeddedMongo() {
        return mongoUri.isEmpty();
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }
}
