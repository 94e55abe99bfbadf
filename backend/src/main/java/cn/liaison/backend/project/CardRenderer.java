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
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a printable service contact card (服务联系卡) as PNG: the project, its liaison and leader with
 * phone numbers, the service promise, and a QR code that opens the project's page in the
 * mini-program. CPU work: call it on a worker thread.
 */
final class CardRenderer {

    static final int WIDTH = 1050;
    static final int HEIGHT = 600;
    static final int QR_SIZE = 330;
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    private final CardFont fonts = new CardFont();

    /** What the card shows; phones already masked as the rules require. */
    record Card(String title, String projectName, String enterpriseName, String place, String kindLabel,
                String liaisonLine, String leaderLine, String promise, String qrText, String footer) {
    }

    /** One piece of text drawn on the card and the font it was drawn with. */
    record Drawn(String text, CardFont.Choice font) {
    }

    /** The PNG and every text on it with its font, so tests can check each glyph had a source. */
    record Rendered(byte[] png, List<Drawn> texts) {
    }

    byte[] png(Card card) {
        return render(card).png();
    }

    Rendered render(Card card) {
        List<Drawn> drawn = new ArrayList<>();
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
            text(g, drawn, card.title(), Font.BOLD, 38, 40, 60);
            g.setColor(new Color(0x21, 0x21, 0x21));
            int y = 150;
            y = line(g, drawn, card.projectName(), Font.BOLD, 30, y, 600);
            y = line(g, drawn, card.enterpriseName(), Font.PLAIN, 22, y + 6, 600);
            y = line(g, drawn, card.place() + " · " + card.kindLabel(), Font.PLAIN, 22, y, 600);
            y += 18;
            y = line(g, drawn, card.liaisonLine(), Font.PLAIN, 26, y, 600);
            y = line(g, drawn, card.leaderLine(), Font.PLAIN, 26, y + 4, 600);
            y += 18;
            g.setColor(RED);
            line(g, drawn, card.promise(), Font.BOLD, 21, y, 620);
            g.setColor(new Color(0x75, 0x75, 0x75));
            text(g, drawn, card.footer(), Font.PLAIN, 18, 40, HEIGHT - 30);
            drawQr(g, card.qrText(), WIDTH - QR_SIZE - 50, 130);
            g.setColor(new Color(0x42, 0x42, 0x42));
            String scan = "微信扫码 直达联络员";
            g.setFont(fonts.forText(scan, Font.PLAIN, 20).font());
            int scanX = WIDTH - QR_SIZE / 2 - 50 - g.getFontMetrics().stringWidth(scan) / 2;
            text(g, drawn, scan, Font.PLAIN, 20, scanX, 130 + QR_SIZE + 40);
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
        return new Rendered(out.toByteArray(), List.copyOf(drawn));
    }

    /** Draws text, wrapping at {@code width} pixels; returns the next baseline. */
    private int line(Graphics2D g, List<Drawn> drawn, String text, int style, int size, int y, int width) {
        g.setFont(fonts.forText(text, style, size).font());
        FontMetrics m = g.getFontMetrics();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            current.append(text.charAt(i));
            if (m.stringWidth(current.toString()) > width) {
                current.setLength(current.length() - 1);
                text(g, drawn, current.toString(), style, size, 40, y);
                y += m.getHeight();
                current.setLength(0);
                current.append(text.charAt(i));
            }
        }
        text(g, drawn, current.toString(), style, size, 40, y);
        return y + m.getHeight();
    }

    private void text(Graphics2D g, List<Drawn> drawn, String text, int style, int size, int x, int y) {
        CardFont.Choice choice = fonts.forText(text, style, size);
        g.setFont(choice.font());
        g.drawString(text, x, y);
        drawn.add(new Drawn(text, choice));
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
}
