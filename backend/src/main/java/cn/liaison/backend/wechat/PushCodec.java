package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.Published;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads WeChat's message push: checks signatures (plain: sha1 of the sorted token, timestamp and
 * nonce; safe mode: the same plus the ciphertext, as {@code msg_signature}), decrypts safe-mode
 * bodies (AES-256-CBC, PKCS#7, 16 random bytes + length + message + AppID) and checks that the AppID
 * inside is ours, and parses JSON or XML. XML is parsed with DTDs forbidden, so external entities
 * and entity expansion (XXE, "billion laughs") are refused before anything is read.
 */
@Published
public final class PushCodec {

    private final String token;
    private final String appId;
    private final byte[] aesKey;

    /** @param encodingAesKey null when safe mode is not configured */
    public PushCodec(String token, String appId, String encodingAesKey) {
        this.token = token;
        this.appId = appId;
        this.aesKey = encodingAesKey == null ? null : Base64.getDecoder().decode(encodingAesKey + "=");
    }

    /** sha1 over the sorted parts, as WeChat signs. */
    public static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the query's {@code signature} is ours (URL verification and plain-mode pushes). */
    public boolean validSignature(String signature, String timestamp, String nonce) {
        return signature != null && timestamp != null && nonce != null
                && equal(sign(token, timestamp, nonce), signature);
    }

    /**
     * The pushed message. {@code encrypted} when the query says {@code encrypt_type=aes}.
     *
     * @throws BadSignature when a signature does not match or the AppID inside is not ours
     * @throws BadMessage   when the body cannot be read
     */
    public PushMessage read(String body, boolean encrypted, String signature, String msgSignature, String timestamp,
                            String nonce) {
        if (!encrypted) {
            if (!validSignature(signature, timestamp, nonce)) {
                throw new BadSignature("signature");
            }
            return parse(body);
        }
        if (aesKey == null) {
            throw new BadMessage("safe mode is not configured (WECHAT_AES_KEY)");
        }
        Map<String, String> outer = fields(body);
        String cipherText = outer.get("Encrypt");
        if (cipherText == null || msgSignature == null || timestamp == null || nonce == null) {
            throw new BadSignature("msg_signature");
        }
        if (!equal(sign(token, timestamp, nonce, cipherText), msgSignature)) {
            throw new BadSignature("msg_signature");
        }
        return parse(decrypt(cipherText));
    }

    String decrypt(String cipherText) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(aesKey, 0, 16));
            plain = cipher.doFinal(Base64.getDecoder().decode(cipherText));
        } catch (Exception e) {
            throw new BadMessage("cannot decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1];
        if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
            throw new BadMessage("bad padding");
        }
        byte[] content = Arrays.copyOfRange(plain, 16, plain.length - pad);
        int length = ((content[0] & 0xff) << 24) | ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8) | (content[3] & 0xff);
        if (length < 0 || 4 + length > content.length) {
            throw new BadMessage("bad length");
        }
        String message = new String(content, 4, length, StandardCharsets.UTF_8);
        String from = new String(content, 4 + length, content.length - 4 - length, StandardCharsets.UTF_8);
        if (!from.equals(appId)) {
            throw new BadSignature("appid");
        }
        return message;
    }

    PushMessage parse(String body) {
        Map<String, String> f = fields(body);
        String from = f.get("FromUserName");
        String type = f.get("MsgType");
        if (from == null || from.isBlank() || type == null || type.isBlank()) {
            throw new BadMessage("FromUserName and MsgType are required");
        }
        long created;
        try {
            created = Long.parseLong(f.getOrDefault("CreateTime", "0").trim());
        } catch (NumberFormatException e) {
            throw new BadMessage("CreateTime is not a number");
        }
        return new PushMessage(f.get("ToUserName"), from, created, type, f.get("Content"), f.get("MsgId"), f.get("Event"));
    }

    /** Top-level fields of a JSON object or an XML {@code <xml>} element, as strings. */
    static Map<String, String> fields(String body) {
        String text = body == null ? "" : body.strip();
        Map<String, String> out = new HashMap<>();
        if (text.startsWith("{")) {
            try {
                new JsonObject(text).forEach(e -> out.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
            } catch (DecodeException e) {
                throw new BadMessage("malformed JSON");
            }
            return out;
        }
        if (!text.startsWith("<")) {
            throw new BadMessage("body is neither JSON nor XML");
        }
        try {
            Element root = safeFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    out.put(child.getTagName(), child.getTextContent());
                }
            }
            return out;
        } catch (Exception e) {
            throw new BadMessage("malformed or unsafe XML");
        }
    }

    private static DocumentBuilderFactory safeFactory() throws javax.xml.parsers.ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The push is not from WeChat (or not for us). */
    public static final class BadSignature extends RuntimeException {
        BadSignature(String what) {
            super(what + " does not match", null, false, false);
        }
    }

    /** The push cannot be read. */
    public static final class BadMessage extends RuntimeException {
        BadMessage(String what) {
            super(what, null, false, false);
        }
    }
}
