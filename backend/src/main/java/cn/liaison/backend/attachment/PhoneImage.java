package cn.liaison.backend.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Shrinks a photo for a phone screen with the JDK's ImageIO: the longest side down to
 * {@code maxSide} pixels, re-encoded (which also drops the camera's metadata, such as where the
 * photo was taken). The pixel count is read from the header first, so a small file that decodes to
 * a huge bitmap is refused before it is decoded.
 */
final class PhoneImage {

    /** Larger bitmaps are refused (a 48-megapixel phone photo is about this size). */
    static final long MAX_PIXELS = 50_000_000L;

    private PhoneImage() {
    }

    /** Thrown when the file claims to be an image but cannot be read as one, or is too large. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The pixel size read from the header, checked against {@link #MAX_PIXELS}. */
    record Size(int width, int height) {
    }

    static Size size(Path file) throws IOException, Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                Size size = new Size(reader.getWidth(0), reader.getHeight(0));
                if ((long) size.width() * size.height() > MAX_PIXELS || size.width() <= 0 || size.height() <= 0) {
                    throw new Unreadable("图片像素过多（上限 5000 万像素）");
                }
                return size;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Writes a copy no larger than {@code maxSide} on its longest side into {@code out}, or returns
     * empty when the image is already small enough.
     */
    static Optional<Size> shrink(Path file, FileKind kind, int maxSide, Path out) throws IOException, Unreadable {
        Size size = size(file);
        if (Math.max(size.width(), size.height()) <= maxSide) {
            return Optional.empty();
        }
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("图片无法读取");
        }
        if (source == null) {
            throw new Unreadable("图片无法读取");
        }
        double scale = (double) maxSide / Math.max(size.width(), size.height());
        int w = Math.max(1, (int) Math.round(size.width() * scale));
        int h = Math.max(1, (int) Math.round(size.height() * scale));
        boolean alpha = kind == FileKind.PNG && source.getColorModel().hasAlpha();
        BufferedImage small = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        source.flush();
        write(small, kind, out);
        return Optional.of(new Size(w, h));
    }

    private static void write(BufferedImage image, FileKind kind, Path out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(kind == FileKind.PNG ? "png" : "jpeg").next();
        try (OutputStream os = Files.newOutputStream(out); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == FileKind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.82f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static ImageReader reader(ImageInputStream in) throws Unreadable {
        if (in == null) {
            throw new Unreadable("图片无法读取");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new Unreadable("图片无法读取");
        }
        return readers.next();
    }
}
