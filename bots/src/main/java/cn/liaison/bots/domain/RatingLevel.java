package cn.liaison.bots.domain;

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

    /** 1 (非常满意) to 5 (非常不满意), as people type it. */
    public int level() {
        return ordinal() + 1;
    }

    /** The level 1-5; empty for anything else. */
    public static java.util.Optional<RatingLevel> of(int level) {
        return level >= 1 && level <= values().length ? java.util.Optional.of(values()[level - 1]) : java.util.Optional.empty();
    }

    /** The labels in order, for a choice list. */
    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(RatingLevel::label).toList();
    }

    /** 差评: opens a rectification (REWORK) instead of closing. */
    public boolean isBad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
