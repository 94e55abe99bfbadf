package cn.liaison.backend.inspection;

/** Reads a QR code from a picture the way a phone camera does, for tests of the printed codes. */
public final class QrScan {

    private QrScan() {
    }

    /** As a phone does: read the whole card; if that fails, read it again from other distances (scaled). */
    public static String decode(byte[] png) throws Exception {
        java.awt.image.BufferedImage card = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        com.google.zxing.ReaderException last = null;
        for (double scale : new double[] {1.0, 0.75, 0.5, 1.25}) {
            int w = (int) (card.getWidth() * scale);
            int h = (int) (card.getHeight() * scale);
            java.awt.image.BufferedImage seen = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = seen.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(card, 0, 0, w, h, null);
            g.dispose();
            try {
                return read(seen);
            } catch (com.google.zxing.ReaderException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String read(java.awt.image.BufferedImage image) throws com.google.zxing.ReaderException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
