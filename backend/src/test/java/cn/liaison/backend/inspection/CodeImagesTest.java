package cn.liaison.backend.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The printed card must scan whatever the code: codes are random, so the QR pattern differs on every
 * card. Each card is read back from its PNG as a camera would see the whole card (no cropping to the
 * code), for many codes. Read once, zxing's detector misses about one card in a hundred (3 of 300,
 * twice); {@link QrScan} reads again from other distances as a phone does, and misses none of 900.
 */
class CodeImagesTest {

    @Test
    void everyCardScansBackToItsUrl() throws Exception {
        CodeImages images = new CodeImages();
        Random random = new Random(20261126);
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] raw = new byte[24];
            random.nextBytes(raw);
            String url = EnterpriseInspections.scanUrl("http://127.0.0.1:" + (20000 + i),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            String read;
            try {
                read = QrScan.decode(images.cardPng("南京江浦示范置业有限公司", url));
            } catch (com.google.zxing.ReaderException e) {
                read = e.getClass().getSimpleName();
            }
            if (!url.equals(read)) {
                unread.add(url + " → " + read);
            }
        }
        assertEquals(List.of(), unread);
    }
}
