package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;
import cn.liaison.backend.platform.store.NativeCache;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the font for each piece of card text. The jar carries Noto Sans SC cut down to GB 2312 (its
 * 6,763 hanzi, punctuation, full-width forms, Latin), built by {@code build-tools/SubsetFont.java}
 * with its SIL OFL licence at {@code META-INF/fonts/NotoSansSC-OFL.txt}, so cards never depend on
 * server fonts. Text with a character outside that set (a rare name character such as 镕) is drawn
 * with an installed font that has every character of it, if the server has one; otherwise with the
 * bundled font, where the missing characters show as its empty box, and a warning names them.
 */
@Published
public final class CardFont {

    /** What {@link Choice#source()} says for the bundled font. */
    static final String BUNDLED = "bundled";
    private static final Logger LOG = LoggerFactory.getLogger(CardFont.class);

    /** A font chosen for a text, and where it came from: {@link #BUNDLED} or an installed family. */
    public record Choice(Font font, String source) {
    }

    private volatile List<String> installed;

    /** Loaded with the first card, not at start. */
    private static final class Loaded {
        static final Font BASE = load();
    }

    static Font bundled() {
        return Loaded.BASE;
    }

    /** Also used by the inspection feature's enterprise-code card. */
    public Choice forText(String text, int style, int size) {
        if (Loaded.BASE.canDisplayUpTo(text) == -1) {
            return new Choice(Loaded.BASE.deriveFont(style, (float) size), BUNDLED);
        }
        for (String family : installedFamilies()) {
            Font font = new Font(family, style, size);
            if (font.canDisplayUpTo(text) == -1) {
                return new Choice(font, family);
            }
        }
        LOG.warn("Contact card: no font has {}; they show as boxes", missing(text));
        return new Choice(Loaded.BASE.deriveFont(style, (float) size), BUNDLED);
    }

    /** Installed families, read once and only when a text needs one (it scans every font file). */
    private List<String> installedFamilies() {
        List<String> families = installed;
        if (families == null) {
            families = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            installed = families;
        }
        return families;
    }

    private static String missing(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(cp -> !Loaded.BASE.canDisplay(cp)).distinct()
                .forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString().trim();
    }

    /**
     * From the copy {@link NativeCache#configure} unpacked into DATA_DIR, or from the class path when
     * that is a directory (tests); only a bare jar without either reads a stream, which Java copies
     * to a temporary file.
     */
    private static Font load() {
        try {
            String unpacked = System.getProperty(NativeCache.CARD_FONT_PROPERTY);
            if (unpacked != null && new File(unpacked).isFile()) {
                return Font.createFont(Font.TRUETYPE_FONT, new File(unpacked));
            }
            URL url = CardFont.class.getClassLoader().getResource(NativeCache.CARD_FONT_RESOURCE);
            if (url == null) {
                throw new IllegalStateException(NativeCache.CARD_FONT_RESOURCE + " is missing from the class path: build with Maven");
            }
            if ("file".equals(url.getProtocol())) {
                return Font.createFont(Font.TRUETYPE_FONT, new File(url.toURI()));
            }
            try (InputStream in = url.openStream()) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException | URISyntaxException e) {
            throw new IllegalStateException(NativeCache.CARD_FONT_RESOURCE + " is not a TrueType font", e);
        }
    }
}
