package cn.liaison.backend.request;

/** 好差评: the enterprise's five-level rating after a response. */
public enum RatingLevel {
    VERY_SATISFIED("非常满意"),
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String label;

    RatingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 差评: opens a rectification (REWORK) instead of closing. */
    public boolean isBad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
