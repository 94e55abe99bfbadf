package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.platform.config.ConfigException;
import cn.liaison.backend.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedModeGeneratesTheSecretOnceOwnerOnly() throws Exception {
        AppConfig config = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()));

        String first = JwtSecrets.resolve(config.jwtSecret(), config.dataDir());
        String second = JwtSecrets.resolve(config.jwtSecret(), config.dataDir());

        assertEquals(first, second, "the same key after a restart, so tokens stay valid");
        assertTrue(first.length() >= 32);
        Path file = dataDir.resolve("jwt-secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void configuredSecretWinsAndNoFileIsWritten() throws Exception {
        String secret = "configured-secret-with-at-least-32-chars";
        AppConfig config = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString(), "JWT_SECRET", secret));

        assertEquals(secret, JwtSecrets.resolve(config.jwtSecret(), config.dataDir()));
        assertTrue(Files.notExists(dataDir.resolve("jwt-secret")));
    }

    @Test
    void truncatedSecretFileStopsTheStartNamingTheKey() throws Exception {
        Files.writeString(dataDir.resolve("jwt-secret"), "short");
        AppConfig config = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()));

        assertEquals("JWT_SECRET", assertThrows(ConfigException.class, () -> JwtSecrets.resolve(config.jwtSecret(), config.dataDir())).key());
    }
}
