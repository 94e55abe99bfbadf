package cn.liaison.backend.config;

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
}
