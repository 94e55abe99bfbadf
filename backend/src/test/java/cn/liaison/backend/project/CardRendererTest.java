package cn.liaison.backend.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CardRendererTest {

    private static final CardRenderer.Card CARD = new CardRenderer.Card("重点项目服务联系卡",
            "南京江北新区某某置业有限公司浦泰路住宅项目（二期）地下车库兼人防工程",
            "南京江北新区某某置业有限公司", "浦口区 江北新区核心区", "结建人防工程",
            ContactCards.person("联络员", java.util.Optional.empty()), "包片领导：欧阳晓燕　电话：139****5678",
            ContactCards.PROMISE, "https://liaison.example.com/mp/project?id=project-7",
            "南京市国动办（人防办） · 项目编号 project-7");

    @Test
    void everyCharacterOfACardIsDrawnWithTheBundledFontThatHasIt() throws Exception {
        CardRenderer.Rendered rendered = new CardRenderer().render(CARD);

        assertTrue(rendered.texts().size() >= 9, "title, fields, promise, footer and scan hint: " + rendered.texts());
        for (CardRenderer.Drawn drawn : rendered.texts()) {
            Font font = drawn.font().font();
            assertEquals(-1, font.canDisplayUpTo(drawn.text()), drawn.text() + " in " + font);
            // The bundled font wins even here, where the CI machine has Noto CJK installed.
            assertEquals(CardFont.BUNDLED, drawn.font().source(), drawn.text());
            assertEquals(CardFont.bundled().getFontName(), font.getFontName());
        }
        assertTrue(rendered.texts().stream().anyMatch(d -> d.text().contains("欧阳晓燕")));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.png()));
        assertEquals(CardRenderer.WIDTH, image.getWidth());
        assertEquals(CardRenderer.HEIGHT, image.getHeight());
    }

    @Test
    void theBundledFontIsTheGb2312SubsetAndSaysHonestlyWhatItLacks() {
        Font font = CardFont.bundled();
        assertEquals("Noto Sans SC", font.getFamily());
        assertEquals(-1, font.canDisplayUpTo("人防 ABC abc 0-9 ，。：；！？（）【】《》“” · — ％＠"), "punctuation and Latin");
        assertTrue(font.canDisplay('齄'), "the last hanzi of GB 2312 level 2");
        assertFalse(font.canDisplay('镕'), "outside GB 2312: dropped from the subset");
        assertFalse(font.canDisplay(0x20000), "CJK extension B");
    }

    @Test
    void aRareCharacterFallsBackToAnInstalledFontThatHasItOrIsReportedMissing() {
        CardFont.Choice choice = new CardFont().forText("联络员：朱镕基", Font.PLAIN, 20);
        boolean serverHasIt = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .anyMatch(f -> f.canDisplayUpTo("联络员：朱镕基") == -1);
        if (serverHasIt) {
            assertFalse(CardFont.BUNDLED.equals(choice.source()));
            assertEquals(-1, choice.font().canDisplayUpTo("联络员：朱镕基"), choice.source());
        } else {
            assertEquals(CardFont.BUNDLED, choice.source(), "boxes for 镕 only, and a warning in the log");
        }
    }

    @Test
    void theFontsLicenceShipsBesideIt() throws Exception {
        try (InputStream in = CardFont.class.getResourceAsStream("/META-INF/fonts/NotoSansSC-OFL.txt")) {
            assertNotNull(in, "OFL text on the classpath");
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(licence.contains("SIL Open Font License, Version 1.1"), licence.substring(0, 200));
        }
    }
}
