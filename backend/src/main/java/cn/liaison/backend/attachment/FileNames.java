package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.store.MongoDocs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The name a file is shown and downloaded under: the sender's name without folders or characters
 * that break a header, with the extension of the kind its content was found to be (a "photo.jpg"
 * that is a PDF downloads as "photo.pdf").
 */
final class FileNames {

    private static final int MAX_CHARS = 80;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(MongoDocs.ZONE);

    private FileNames() {
    }

    static String clean(String given, FileKind kind, Instant now) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?;]", "").trim();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isBlank()) {
            stem = "附件-" + STAMP.format(now);
        }
        if (stem.length() > MAX_CHARS) {
            stem = stem.substring(0, MAX_CHARS);
        }
        return stem + "." + kind.extension();
    }

    /** A Content-Disposition header value: an ASCII fallback and the UTF-8 name (RFC 6266). */
    static String disposition(String type, String name, FileKind kind) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"attachment." + kind.extension() + "\"; filename*=UTF-8''" + encoded;
    }
}
