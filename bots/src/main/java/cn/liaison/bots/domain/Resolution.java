package cn.liaison.bots.domain;

/** How far a response solved the problem (解决情况); reported to the 12345 platform with a result. */
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
