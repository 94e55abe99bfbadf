package cn.liaison.bots.domain;

/** The kind of request; decides the default completion time limit. */
public enum RequestType {
    CONSULT("咨询"),
    DEMAND("诉求"),
    COMPLAINT("投诉"),
    SUGGESTION("建议"),
    PRAISE("表扬");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
