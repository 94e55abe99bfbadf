package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An uploaded file checked on a worker thread: its kind from its content, and for a photo the
 * phone-sized copy (a second temporary file) when it is larger than a phone shows.
 *
 * @param phone the shrunk copy, when one was made
 */
record StoredFile(Path original, long size, FileKind kind, Integer width, Integer height,
                  Optional<Path> phone, long phoneSize, Integer phoneWidth, Integer phoneHeight) {

    /** The longest side of a photo as phones get it. */
    static final int PHONE_SIDE = 1600;

    static StoredFile inspect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        FileKind kind = FileKind.sniff(head, file).orElseThrow(
                () -> ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, FileKind.ACCEPTED));
        long size = Files.size(file);
        if (!kind.isImage()) {
            return new StoredFile(file, size, kind, null, null, Optional.empty(), 0, null, null);
        }
        Path phone = file.resolveSibling(file.getFileName() + ".phone");
        try {
            PhoneImage.Size full = PhoneImage.size(file);
            Optional<PhoneImage.Size> small = PhoneImage.shrink(file, kind, PHONE_SIDE, phone);
            return new StoredFile(file, size, kind, full.width(), full.height(), small.map(s -> phone),
                    small.isPresent() ? Files.size(phone) : 0,
                    small.map(PhoneImage.Size::width).orElse(null), small.map(PhoneImage.Size::height).orElse(null));
        } catch (PhoneImage.Unreadable e) {
            Files.deleteIfExists(phone);
            throw ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a truncated or forged image: ImageIO fails while reading it
            Files.deleteIfExists(phone);
            throw ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "图片无法读取，请重新拍摄或选择其他图片");
        }
    }

    static int chunks(long size) {
        return (int) ((size + AttachmentStore.CHUNK_BYTES - 1) / AttachmentStore.CHUNK_BYTES);
    }

    /** Chunk {@code n} of a temporary file (blocking). */
    static byte[] readChunk(Path file, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long offset = (long) n * AttachmentStore.CHUNK_BYTES;
            int length = (int) Math.min(AttachmentStore.CHUNK_BYTES, raf.length() - offset);
            byte[] bytes = new byte[length];
            raf.seek(offset);
            raf.readFully(bytes);
            return bytes;
        }
    }

    void deleteQuietly() {
        try {
            Files.deleteIfExists(original);
            if (phone.isPresent()) {
                Files.deleteIfExists(phone.get());
            }
        } catch (IOException ignored) {
            // a leftover temporary file is removed at the next start
        }
    }
}
