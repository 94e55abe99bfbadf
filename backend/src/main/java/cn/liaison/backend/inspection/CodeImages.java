package cn.liaison.backend.inspection;

import cn.liaison.backend.project.CardFont;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The enterprise code as pictures: the bare QR code (to show on a phone) and a printable card
 * (A6 landscape at 150 dpi: the enterprise's name, the code, how inspectors use it and the office's
 * promise). CPU work: call on a worker thread.
 */
final class CodeImages {

    static final int QR = 480;
    static final int CARD_W = 874;
    static final int CARD_H = 620;
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    /** White modules around the code: the four the QR standard asks for (it was two). */
    private static final int QUIET_ZONE = 4;
    private final CardFont fonts = new CardFont();

    byte[] qrPng(String url) {
        BufferedImage image = new BufferedImage(QR, QR, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            drawQr(g, url, 0, 0, QR);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    byte[] cardPng(String enterpriseName, String url) {
        BufferedImage image = new BufferedImage(CARD_W, CARD_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, CARD_W, CARD_H);
            g.setColor(RED);
            g.fillRect(0, 0, CARD_W, 80);
            g.setColor(Color.WHITE);
            text(g, "企业码 · 扫码入企", Font.BOLD, 34, 30, 54);
            g.setColor(new Color(0x21, 0x21, 0x21));
            text(g, fit(enterpriseName, 18), Font.BOLD, 28, 30, 130);
            int y = 190;
            for (String line : new String[] {"行政检查人员入企前请扫此码登记，", "未扫码登记的检查企业可拒绝配合。",
                    "检查结果可在小程序查看并评价。", "无事不扰 · 有求必应"}) {
                text(g, line, Font.PLAIN, 22, 30, y);
                y += 40;
            }
            drawQr(g, url, CARD_W - 380, 110, 360);
            g.setColor(new Color(0x75, 0x75, 0x75));
            text(g, "人防办 · 企业码如遗失请在小程序中更换", Font.PLAIN, 18, 30, CARD_H - 30);
            g.setStroke(new BasicStroke(2));
            g.setColor(RED);
            g.drawRect(6, 6, CARD_W - 12, CARD_H - 12);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private void text(Graphics2D g, String text, int style, int size, int x, int y) {
        g.setFont(fonts.forText(text, style, size).font());
        g.drawString(text, x, y);
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void drawQr(Graphics2D g, String text, int x, int y, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code cannot hold the enterprise code", e);
        }
        g.setColor(Color.WHITE);
        g.fillRect(x, y, size, size);
        g.setColor(Color.BLACK);
        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int j = 0; j < matrix.getHeight(); j++) {
                if (matrix.get(i, j)) {
                    g.fillRect(x + i, y + j, 1, 1);
                }
            }
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
