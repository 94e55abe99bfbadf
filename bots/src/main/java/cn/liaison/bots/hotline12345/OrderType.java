package cn.liaison.bots.hotline12345;

import cn.liaison.bots.domain.RequestType;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 12345 platform's work-order types (工单类型) and the request type each becomes here
 * (a {@link RequestType}). A 举报 (report of a
 * violation) is handled like a complaint: someone must verify and act; a 求助 asks for action.
 */
public enum OrderType {
    CONSULT("咨询", RequestType.CONSULT),
    HELP("求助", RequestType.DEMAND),
    COMPLAINT("投诉", RequestType.COMPLAINT),
    REPORT("举报", RequestType.COMPLAINT),
    SUGGESTION("建议", RequestType.SUGGESTION),
    PRAISE("表扬", RequestType.PRAISE);

    private final String wire;
    private final RequestType requestType;

    OrderType(String wire, RequestType requestType) {
        this.wire = wire;
        this.requestType = requestType;
    }

    public String wire() {
        return wire;
    }

    public RequestType requestType() {
        return requestType;
    }

    public static Optional<OrderType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
