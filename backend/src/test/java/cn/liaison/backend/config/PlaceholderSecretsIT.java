package cn.liaison.backend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.ChildProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real main: a placeholder secret ends the process with exit code 2 and a line naming the key. */
class PlaceholderSecretsIT {

    @TempDir
    Path dataDir;

    @Test
    void placeholderJwtSecretExitsWith2NamingTheKey() throws Exception {
        try (ChildProcess child = ChildProcess.start(dataDir, Map.of("JWT_SECRET", "CHANGE_ME-placeholder-jwt-secret-not-for-production"))) {
            child.await("Configuration error: JWT_SECRET: .*CHANGE_ME", 30);
            assertEquals(2, child.exitCode(30));
        }
    }
}
