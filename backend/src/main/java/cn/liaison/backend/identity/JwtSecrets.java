package cn.liaison.backend.identity;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.config.ConfigException;
import cn.liaison.backend.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the token signing key comes from: {@code JWT_SECRET} when set (always, in external mode);
 * otherwise, in embedded mode, {@code DATA_DIR/jwt-secret}, generated on the first start and readable
 * by the owner only, so tokens stay valid across restarts.
 */
public final class JwtSecrets {

    static final String FILE = "jwt-secret";
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecrets.class);

    private JwtSecrets() {
    }

    /** Runs at start-up only: reads or writes a small file. */
    public static String resolve(AppConfig config) throws IOException {
        if (config.jwtSecret().isPresent()) {
            LOG.info("Token signing key: from {}", ConfigKey.JWT_SECRET);
            if (config.jwtSecret().get().contains("CHANGE_ME")) {
                LOG.warn("{} is the placeholder from the deploy examples: anyone who has read them can sign tokens. "
                        + "Set your own, e.g. openssl rand -base64 48", ConfigKey.JWT_SECRET);
            }
            return config.jwtSecret().get();
        }
        Path file = config.dataDir().resolve(FILE);
        if (!Files.exists(file)) {
            try {
                create(file);
                LOG.info("Token signing key: generated into {} (set {} to choose one)", file, ConfigKey.JWT_SECRET);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() < AppConfig.MIN_JWT_SECRET_LENGTH) {
            throw new ConfigException(ConfigKey.JWT_SECRET.name(), "not set, and " + file + " holds fewer than "
                    + AppConfig.MIN_JWT_SECRET_LENGTH + " characters; delete the file to generate a new key");
        }
        return secret;
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
