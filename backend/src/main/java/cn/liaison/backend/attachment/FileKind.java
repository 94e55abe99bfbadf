package cn.liaison.backend.attachment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of file people attach, recognised by their first bytes (and, for Office files, by the
 * parts inside the zip), never by the name the sender gave. Anything else — executables, scripts,
 * HTML, SVG, archives, Office files with macros — is refused.
 */
enum FileKind {
    JPEG("image/jpeg", "jpg", "图片"),
    PNG("image/png", "png", "图片"),
    PDF("application/pdf", "pdf", "PDF 文档"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word 文档"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel 表格");

    /** What the sender is told when a file is none of these. */
    static final String ACCEPTED = "只接受 JPEG/PNG 图片、PDF、Word（.docx）和 Excel（.xlsx）文件";

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String mediaType;
    private final String extension;
    private final String label;

    FileKind(String mediaType, String extension, String label) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.label = label;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    String label() {
        return label;
    }

    boolean isImage() {
        return this == JPEG || this == PNG;
    }

    /** The kind of the file whose first bytes are {@code head}; the whole file is read only for zips. */
    static Optional<FileKind> sniff(byte[] head, Path file) throws IOException {
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return office(file);
        }
        return Optional.empty();
    }

    private static Optional<FileKind> office(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            boolean macros = zip.stream().map(ZipEntry::getName).anyMatch(n -> n.toLowerCase().endsWith("vbaproject.bin"));
            if (macros) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        } catch (java.util.zip.ZipException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
