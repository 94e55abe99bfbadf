package cn.liaison.bots.hotline12345;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 12345 platform's message signature, the same in both directions: lower-case hex of
 * HMAC-SHA256 over {@code timestamp + "\n" + body} (the body's exact bytes, UTF-8), keyed with the
 * shared secret. Sent as headers {@link #TIMESTAMP_HEADER} (Unix seconds) and
 * {@link #SIGNATURE_HEADER}.
 */
public final class Signature {

    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Signature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public String sign(String timestamp, String body) {
        return sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, case-insensitive hex; false for anything that is not 64 hex digits. */
    public boolean matches(String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null || !signature.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
