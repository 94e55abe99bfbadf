package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The deploy examples' placeholders stop the start, naming the key and never printing the value. */
class PlaceholderSecretsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final String SECRET_KEYS = ".*(_SECRET|_TOKEN|_AES_KEY|_URI|_URL)$";

    @Test
    void everySecretInTheKubernetesExampleIsAPlaceholderThatIsRefused() throws IOException {
        Map<String, String> data = secretExample();
        assertTrue(data.containsKey("JWT_SECRET"), "example lists JWT_SECRET");
        for (Map.Entry<String, String> entry : data.entrySet()) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(entry)),
                    entry.getKey() + " from secret.example.yaml was accepted");
            assertEquals(entry.getKey(), e.key());
            assertTrue(e.getMessage().contains("CHANGE_ME"), e.getMessage());
            if (entry.getValue().length() > "CHANGE_ME".length()) {
                assertFalse(e.getMessage().contains(entry.getValue()), "the message must not repeat the value");
            }
        }
    }

    @Test
    void composeExampleSecretsArePlaceholders() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> backend = (Map<String, Object>) compose.get("x-backend");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) backend.get("environment");
        for (Map.Entry<String, Object> entry : env.entrySet()) {
            String value = String.valueOf(entry.getValue());
            if (entry.getKey().matches(".*(_SECRET|_TOKEN|_AES_KEY)$") && !value.isEmpty()) {
                // either a placeholder the service refuses, or a required reference to deploy/.env: never a literal secret
                assertTrue(value.startsWith("CHANGE_ME") || value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}"),
                        entry.getKey() + " in docker-compose.yml is neither a CHANGE_ME placeholder nor a required ${VAR:?} reference");
            }
        }
    }

    @Test
    void placeholderPasswordInsideAConnectionStringIsRefused() {
        ConfigException mongo = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(
                "MONGO_URI", "mongodb://liaison:CHANGE_ME@m0:27017,m1:27017/?replicaSet=rs0", "JWT_SECRET", "x".repeat(40))));
        assertEquals("MONGO_URI", mongo.key());
        ConfigException redis = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(
                "REDIS_URL", "redis://:CHANGE_ME-too@redis:6379/0")));
        assertEquals("REDIS_URL", redis.key());
    }

    @Test
    void realValuesPass() {
        AppConfig config = ConfigLoader.load(Map.of("REDIS_URL", "redis://:s3cret-CHANGE_ME@redis:6379/0",
                "JWT_SECRET", "a-real-secret-that-mentions-CHANGE_ME-later-is-fine"));

        assertTrue(config.redisUrl().isPresent());
    }

    private static Map<String, String> env(Map.Entry<String, String> entry) {
        Map<String, String> env = new HashMap<>();
        env.put(entry.getKey(), entry.getValue());
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> secretExample() throws IOException {
        Map<String, Object> secret = yaml(DEPLOY.resolve("k8s/secret.example.yaml"));
        Map<String, String> data = new HashMap<>();
        ((Map<String, Object>) secret.get("stringData")).forEach((k, v) -> {
            if (k.matches(SECRET_KEYS)) {
                data.put(k, String.valueOf(v));
            }
        });
        return data;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
