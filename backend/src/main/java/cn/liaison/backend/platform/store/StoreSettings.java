package cn.liaison.backend.platform.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stores are: external MongoDB / Redis when set, otherwise the embedded ones under
 * {@code dataDir}.
 */
public record StoreSettings(Path dataDir, Optional<String> mongoUri, String mongoDb, Optional<String> redisUrl) {

    public boolean embeddedMongo() {
        return mongoUri.isEmpty();
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }
}
