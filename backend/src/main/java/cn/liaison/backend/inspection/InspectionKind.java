package cn.liaison.backend.inspection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of administrative inspection. Whether a kind counts against the yearly caps (无事不扰)
 * is a rule of its own: the enterprise asked for an invited inspection, and a remote one does not
 * enter the premises, so neither uses up the enterprise's quota.
 */
public enum InspectionKind {
    RANDOM("双随机抽查", true),
    SPECIAL("专项检查", true),
    COMPLAINT("投诉核查", true),
    INVITED("邀约式检查", false),
    REMOTE("非现场监管", false);

    private final String label;
    private final boolean counted;

    InspectionKind(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    public String label() {
        return label;
    }

    /** Whether an inspection of this kind counts against the yearly caps. */
    public boolean counted() {
        return counted;
    }

    /** Remote inspections happen without a visit, so there is no code to scan. */
    public boolean needsScan() {
        return this != REMOTE;
    }

    public static Optional<InspectionKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
