package cn.liaison.bots.hotline12345;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 12345 platform's work-order types (工单类型) and the request type each becomes here
 * ({@code requestType} names a value of the backend's {@code RequestType}). A 举报 (report of a
 * violation) is handled like a complaint: someone must verify and act; a 求助 asks for action.
 */
public enum OrderType {
    CONSULT("咨询", "CONSULT"),
    HELP("求助", "DEMAND"),
    COMPLAINT("投诉", "COMPLAINT"),
    REPORT("举报", "COMPLAINT"),
    SUGGESTION("建议", "SUGGESTION"),
    PRAISE("表扬", "PRAISE");

    private final String wire;
    private final String requestType;

    OrderType(String wire, String requestType) {
        this.wire = wire;
        this.requestType = requestType;
    }

    public String wire() {
        return wire;
    }

    public String requestType() {
        return requestType;
    }

    public static Optional<OrderType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
