package cn.liaison.backend.project;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a printable service contact card (服务联系卡) as PNG: the project, its liaison and leader with
 * phone numbers, the service promise, and a QR code that opens the project's page in the
 * mini-program. CPU work: call it on a worker thread.
 */
final class CardRenderer {

    static final int WIDTH = 1050;
    static final int HEIGHT = 600;
    static final int QR_SIZE = 330;
    private static final Logger LOG = LoggerFactory.getLogger(CardRenderer.class);
    private static final List<String> CJK_FONTS = List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "AR PL UMing CN");
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    private static final String FAMILY = chineseFamily();

    /** What the card shows; phones already masked as the rules require. */
    record Card(String title, String projectName, String enterpriseName, String place, String kindLabel,
                String liaisonLine, String leaderLine, String promise, String qrText, String footer) {
    }

    byte[] png(Card card) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(RED);
            g.fillRect(0, 0, WIDTH, 90);
            g.setColor(Color.WHITE);
            g.setFont(new Font(FAMILY, Font.BOLD, 38));
            g.drawString(card.title(), 40, 60);
            g.setColor(new Color(0x21, 0x21, 0x21));
            int y = 150;
            y = line(g, card.projectName(), Font.BOLD, 30, y, 600);
            y = line(g, card.enterpriseName(), Font.PLAIN, 22, y + 6, 600);
            y = line(g, card.place() + " · " + card.kindLabel(), Font.PLAIN, 22, y, 600);
            y += 18;
            y = line(g, card.liaisonLine(), Font.PLAIN, 26, y, 600);
            y = line(g, card.leaderLine(), Font.PLAIN, 26, y + 4, 600);
            y += 18;
            g.setColor(RED);
            line(g, card.promise(), Font.BOLD, 21, y, 620);
            g.setColor(new Color(0x75, 0x75, 0x75));
            g.setFont(new Font(FAMILY, Font.PLAIN, 18));
            g.drawString(card.footer(), 40, HEIGHT - 30);
            drawQr(g, card.qrText(), WIDTH - QR_SIZE - 50, 130);
            g.setColor(new Color(0x42, 0x42, 0x42));
            g.setFont(new Font(FAMILY, Font.PLAIN, 20));
            String scan = "微信扫码 直达联络员";
            g.drawString(scan, WIDTH - QR_SIZE / 2 - 50 - g.getFontMetrics().stringWidth(scan) / 2, 130 + QR_SIZE + 40);
            g.setStroke(new BasicStroke(2));
            g.setColor(RED);
            g.drawRect(8, 8, WIDTH - 16, HEIGHT - 16);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Draws text, wrapping at {@code width} pixels; returns the next baseline. */
    private static int line(Graphics2D g, String text, int style, int size, int y, int width) {
        g.setFont(new Font(FAMILY, style, size));
        FontMetrics m = g.getFontMetrics();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            current.append(text.charAt(i));
            if (m.stringWidth(current.toString()) > width) {
                current.setLength(current.length() - 1);
                g.drawString(current.toString(), 40, y);
                y += m.getHeight();
                current.setLength(0);
                current.append(text.charAt(i));
            }
        }
        g.drawString(current.toString(), 40, y);
        return y + m.getHeight();
    }

    private static void drawQr(Graphics2D g, String text, int x, int y) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 2,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code cannot hold: " + text, e);
        }
        g.setColor(Color.WHITE);
        g.fillRect(x, y, QR_SIZE, QR_SIZE);
        g.setColor(Color.BLACK);
        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int j = 0; j < matrix.getHeight(); j++) {
                if (matrix.get(i, j)) {
                    g.fillRect(x + i, y + j, 1, 1);
                }
            }
        }
    }

    /** A font that has Chinese glyphs; the logical SansSerif (which may show boxes) when none is installed. */
    private static String chineseFamily() {
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String wanted : CJK_FONTS) {
            for (String family : installed) {
                if (family.equalsIgnoreCase(wanted)) {
                    return family;
                }
            }
        }
        for (String family : installed) {
            if (new Font(family, Font.PLAIN, 12).canDisplayUpTo("人防联络卡") == -1) {
                return family;
            }
        }
        LOG.warn("No font with Chinese glyphs installed: contact cards will show boxes (install fonts-wqy-microhei)");
        return Font.SANS_SERIF;
    }
}
