package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noConfigurationMeansEmbeddedStoresOnPort8080() {
        AppConfig config = ConfigLoader.load(Map.of());

        assertEquals(8080, config.httpPort());
        assertEquals(Path.of("./data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.embeddedMongo());
        assertTrue(config.embeddedRedis());
        assertEquals("liaison", config.mongoDb());
        assertEquals(262_144, config.bodyLimitBytes());
        assertEquals(Duration.ofSeconds(10), config.shutdownGrace());
    }

    @Test
    void environmentOverridesFileWhichOverridesDefaults() throws IOException {
        Path file = dir.resolve("liaison.yaml");
        Files.writeString(file, "HTTP_PORT: 9000\nMONGO_DB: fromfile\nREDIS_URL: redis://cache:6379\n");

        AppConfig config = ConfigLoader.load(Map.of("CONFIG_FILE", file.toString(), "HTTP_PORT", "9100"));

        assertEquals(9100, config.httpPort());
        assertEquals("fromfile", config.mongoDb());
        assertEquals(Optional.of("redis://cache:6379"), config.redisUrl());
        assertTrue(config.embeddedMongo());
    }

    @Test
    void nonNumericPortNamesTheKeyAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("HTTP_PORT", "abc")));

        assertEquals("HTTP_PORT", e.key());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void portOutOfRangeIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("HTTP_PORT", "70000")));

        assertEquals("HTTP_PORT", e.key());
    }

    @Test
    void mongoUriMustBeAMongoConnectionString() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("MONGO_URI", "http://db:27017")));

        assertEquals("MONGO_URI", e.key());
    }

    @Test
    void redisUrlMustUseTheRedisScheme() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("REDIS_URL", "localhost:6379")));

        assertEquals("REDIS_URL", e.key());
    }

    @Test
    void unknownKeyInFileIsRejectedWithTheKnownKeys() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "HTTP_PROT: 9000\n");

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("CONFIG_FILE", file.toString())));

        assertEquals("HTTP_PROT", e.key());
        assertTrue(e.getMessage().contains("HTTP_PORT"), e.getMessage());
    }

    @Test
    void missingConfigFileIsReportedUnderConfigFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("CONFIG_FILE", dir.resolve("absent.yaml").toString())));

        assertEquals("CONFIG_FILE", e.key());
    }

    @Test
    void jsonConfigFileIsAccepted() throws IOException {
        Path file = dir.resolve("liaison.json");
        Files.writeString(file, "{\"BODY_LIMIT_BYTES\": 4096, \"LOG_LEVEL\": \"debug\"}");

        AppConfig config = ConfigLoader.load(Map.of("CONFIG_FILE", file.toString()));

        assertEquals(4096, config.bodyLimitBytes());
        assertEquals("DEBUG", config.logLevel());
    }

    @Test
    void tinyBodyLimitAndUnknownLogLevelAreRejected() {
        assertEquals("BODY_LIMIT_BYTES", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("BODY_LIMIT_BYTES", "10"))).key());
        assertEquals("LOG_LEVEL", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("LOG_LEVEL", "LOUD"))).key());
    }

    @Test
    void backgroundEmbeddingsDefaultToTwentyASecondAndCannotBeNegative() {
        assertEquals(20, ConfigLoader.load(Map.of()).kbBackgroundEmbeddingsPerSecond());
        assertEquals(0, ConfigLoader.load(Map.of("KB_BACKGROUND_EMBEDDINGS_PER_SECOND", "0")).kbBackgroundEmbeddingsPerSecond());
        assertEquals("KB_BACKGROUND_EMBEDDINGS_PER_SECOND", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("KB_BACKGROUND_EMBEDDINGS_PER_SECOND", "-1"))).key());
    }

    @Test
    void tokenAndOfficeHourDefaults() {
        AppConfig config = ConfigLoader.load(Map.of());

        assertEquals(Duration.ofHours(12), config.jwtTtl());
        assertEquals(cn.liaison.backend.calendar.OfficeHours.DEFAULT, config.officeHours());
        assertTrue(config.jwtSecret().isEmpty(), "embedded mode generates its own key");
    }

    @Test
    void externalModeRequiresAJwtSecretOfAtLeast32Characters() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("MONGO_URI", "mongodb://db:27017")));
        ConfigException tooShort = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("MONGO_URI", "mongodb://db:27017", "JWT_SECRET", "short")));

        assertEquals("JWT_SECRET", missing.key());
        assertTrue(missing.getMessage().contains("MONGO_URI"), missing.getMessage());
        assertEquals("JWT_SECRET", tooShort.key());
        assertTrue(ConfigLoader.load(Map.of("MONGO_URI", "mongodb://db:27017",
                "JWT_SECRET", "x".repeat(32))).jwtSecret().isPresent());
    }

    @Test
    void badOfficeHoursAndTokenLifetimeNameTheirKeys() {
        assertEquals("OFFICE_HOURS", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("OFFICE_HOURS", "17:30-09:00"))).key());
        assertEquals("OFFICE_HOURS", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("OFFICE_HOURS", "nine to five"))).key());
        assertEquals("JWT_TTL_S", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("JWT_TTL_S", "5"))).key());
        assertEquals(java.time.LocalTime.of(8, 30),
                ConfigLoader.load(Map.of("OFFICE_HOURS", "08:30-17:00")).officeHours().opens());
    }

    @Test
    void printedConfigurationHidesTheJwtSecret() {
        String secret = "do-not-print-this-secret-anywhere-ever";
        AppConfig config = ConfigLoader.load(Map.of("JWT_SECRET", secret));

        assertTrue(!config.toString().contains(secret), config.toString());
    }

    @Test
    void timeLimitsAreConfigurablePerType() {
        AppConfig config = ConfigLoader.load(Map.of("SLA_COMPLETION_DAYS", "CONSULT=2,DEMAND=4,COMPLAINT=3,SUGGESTION=6,PRAISE=1",
                "SLA_SIGN_DAYS", "2"));

        assertEquals(2, config.sla().completionDays(cn.liaison.bots.domain.RequestType.CONSULT));
        assertEquals(3, config.sla().completionDays(cn.liaison.bots.domain.RequestType.COMPLAINT));
        assertEquals(2, config.sla().signDays());
    }

    @Test
    void badTimeLimitsNameTheirKey() {
        assertEquals("SLA_COMPLETION_DAYS", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("SLA_COMPLETION_DAYS", "CONSULT=three"))).key());
        assertEquals("SLA_COMPLETION_DAYS", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("SLA_COMPLETION_DAYS", "CONSULT=3"))).key(), "every type needs a limit");
        assertEquals("SLA_SIGN_DAYS", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("SLA_SIGN_DAYS", "0"))).key());
    }

    @Test
    void twelveThreeFourFiveIsOffWithoutASecretAndValidatedWithOne() {
        assertEquals(false, ConfigLoader.load(Map.of()).hotline12345().enabled());
        assertEquals(java.time.Duration.ofSeconds(300), ConfigLoader.load(Map.of()).hotline12345().window());
        var on = ConfigLoader.load(Map.of("HOTLINE_12345_SECRET", "sixteen-chars-ok", "HOTLINE_12345_BASE",
                "https://12345.example.gov.cn/api/", "HOTLINE_12345_WINDOW_S", "120"));
        assertEquals(true, on.hotline12345().enabled());
        assertEquals("https://12345.example.gov.cn/api", on.hotline12345().base().orElseThrow().toString());
        assertEquals(false, on.toString().contains("sixteen-chars-ok"), "the secret is never printed");
        assertEquals("HOTLINE_12345_SECRET", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("HOTLINE_12345_SECRET", "short"))).key());
        assertEquals("HOTLINE_12345_BASE", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("HOTLINE_12345_BASE", "ftp://x"))).key());
        assertEquals("HOTLINE_12345_WINDOW_S", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("HOTLINE_12345_WINDOW_S", "5"))).key());
    }

    @Test
    void demoIsOffUnlessSaidAndOnlyOnOrOff() {
        assertEquals(false, ConfigLoader.load(Map.of()).demo());
        assertEquals(true, ConfigLoader.load(Map.of("DEMO", "ON")).demo());
        assertEquals(true, ConfigLoader.load(Map.of("DEMO", "on", "MONGO_URI", "mongodb://db:27017",
                "JWT_SECRET", "a-secret-of-at-least-thirty-two-characters")).demo(), "allowed with MONGO_URI (warned at start)");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("DEMO", "yes")));
        assertEquals("DEMO", e.key());
    }
}
