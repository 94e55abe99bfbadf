package cn.liaison.kb.content;

import java.util.Arrays;
import java.util.Optional;

/** In which form a material is handed in. */
public enum MaterialForm {
    ORIGINAL("original", "原件"),
    COPY("copy", "复印件"),
    ORIGINAL_AND_COPY("original-and-copy", "原件及复印件"),
    ELECTRONIC("electronic", "电子件");

    private final String code;
    private final String label;

    MaterialForm(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value used in content files. */
    public String code() {
        return code;
    }

    /** The Chinese label shown to users. */
    public String label() {
        return label;
    }

    public static Optional<MaterialForm> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
