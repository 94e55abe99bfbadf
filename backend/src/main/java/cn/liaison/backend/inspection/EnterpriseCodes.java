package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.http.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 企业码: {@code E1.<enterprise id, base64url>.<rotation>.<HMAC-SHA256, 128 bits>}. The key is made
 * once (random, 256 bits) and kept in {@code inspection_keys}, so every instance signs alike; each
 * enterprise's rotation number lives in {@code enterprise_codes}. A code names its enterprise but
 * cannot be made up without the key, and rotating (a printed card lost) makes the old code fail.
 */
final class EnterpriseCodes {

    static final String KEYS = InspectionCollections.KEYS.name();
    static final String CODES = InspectionCollections.CODES.name();
    static final int MAX_LENGTH = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final MongoClient mongo;
    private volatile byte[] key;

    EnterpriseCodes(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** Loads the key, making it on the very first start (the first instance to insert wins). */
    Future<Void> start() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        JsonObject doc = new JsonObject().put("_id", "enterprise-code").put("key", B64.encodeToString(fresh));
        return mongo.insert(KEYS, doc).recover(e -> Future.succeededFuture())
                .compose(v -> mongo.findOne(KEYS, new JsonObject().put("_id", "enterprise-code"), null))
                .map(found -> {
                    key = B64D.decode(found.getString("key"));
                    return null;
                });
    }

    Future<String> codeOf(String enterpriseId) {
        return rotation(enterpriseId).map(r -> sign(enterpriseId, r));
    }

    /** A new code for the enterprise; the old one stops working. */
    Future<String> rotate(String enterpriseId) {
        return mongo.findOneAndUpdateWithOptions(CODES, new JsonObject().put("_id", enterpriseId),
                        new JsonObject().put("$inc", new JsonObject().put("rotation", 1)),
                        new io.vertx.ext.mongo.FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
                .map(doc -> sign(enterpriseId, doc.getInteger("rotation", 1)));
    }

    /** The enterprise a code names; 404 for a code that is malformed, forged or rotated away. */
    Future<String> resolve(String code) {
        String[] parts = code == null || code.length() > MAX_LENGTH ? new String[0] : code.strip().split("\\.");
        if (parts.length != 4 || !"E1".equals(parts[0]) || !parts[2].matches("[0-9]{1,9}")) {
            return Future.failedFuture(unknown());
        }
        String enterpriseId;
        try {
            enterpriseId = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(unknown());
        }
        int presented = Integer.parseInt(parts[2]);
        byte[] expected = mac(enterpriseId, presented).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Future.failedFuture(unknown());
        }
        return rotation(enterpriseId).compose(current -> current == presented ? Future.succeededFuture(enterpriseId)
                : Future.failedFuture(ProblemException.notFound("企业码已更换，请让企业出示新的企业码")));
    }

    private Future<Integer> rotation(String enterpriseId) {
        return mongo.findOne(CODES, new JsonObject().put("_id", enterpriseId), null)
                .map(doc -> doc == null ? 0 : doc.getInteger("rotation", 0));
    }

    private String sign(String enterpriseId, int rotation) {
        return "E1." + B64.encodeToString(enterpriseId.getBytes(StandardCharsets.UTF_8)) + "." + rotation + "." + mac(enterpriseId, rotation);
    }

    private String mac(String enterpriseId, int rotation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((enterpriseId + "\n" + rotation).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("不是有效的企业码");
    }
}
