package cn.liaison.bots.hotline12345;

/** How far a result solved the caller's problem (办结回复的解决情况). */
public enum Resolution {
    RESOLVED("已解决"),
    PARTLY("部分解决"),
    UNRESOLVED("未解决");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
