package cn.liaison.backend.identity;

import cn.liaison.backend.platform.config.ConfigException;
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

    private static final String KEY = "JWT_SECRET";
    /** Shorter secrets make HS256 tokens guessable offline. */
    public static final int MIN_LENGTH = 32;

    private JwtSecrets() {
    }

    /** Runs at start-up only: reads or writes a small file. */
    /** @param configured JWT_SECRET when set; otherwise a key kept in {@code dataDir} */
    public static String resolve(java.util.Optional<String> configured, Path dataDir) throws IOException {
        if (configured.isPresent()) {
            LOG.info("Token signing key: from {}", KEY);
            if (configured.get().contains("CHANGE_ME")) {
                LOG.warn("{} is the placeholder from the deploy examples: anyone who has read them can sign tokens. "
                        + "Set your own, e.g. openssl rand -base64 48", KEY);
            }
            return configured.get();
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            try {
                create(file);
                LOG.info("Token signing key: generated into {} (set {} to choose one)", file, KEY);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigException(KEY, "not set, and " + file + " holds fewer than "
                    + MIN_LENGTH + " characters; delete the file to generate a new key");
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
