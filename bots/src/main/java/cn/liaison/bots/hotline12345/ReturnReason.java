package cn.liaison.bots.hotline12345;

/** Why an order is returned to the platform (退单原因). */
public enum ReturnReason {
    NOT_OUR_DUTY("不属于本单位职责"),
    WRONG_AREA("不属于本辖区"),
    INSUFFICIENT_INFO("信息不全，无法办理");

    private final String label;

    ReturnReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
