package cn.liaison.bots.domain;

/** Why a 12345 work order is returned to the platform (退单原因); the codes are the platform's. */
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
