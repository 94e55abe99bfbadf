package cn.liaison.bots.hotline12345;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A work order (工单) dispatched by the 12345 platform. Built by {@link WorkOrderCodec}, which
 * validates every field.
 *
 * @param orderNo  the platform's order number, unique; repeats are the same order
 * @param deadline the platform's completion deadline (办结时限)
 */
public record WorkOrder(String orderNo, OrderType type, String title, String content, String callerName,
                        String callerPhone, String district, String address, List<String> categoryCodes,
                        Instant dispatchedAt, Instant deadline) {
    public WorkOrder {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
        Objects.requireNonNull(deadline, "deadline");
        categoryCodes = List.copyOf(categoryCodes);
    }

    /** What the request's content becomes: the title, then the caller's words and the address. */
    public String requestContent() {
        StringBuilder out = new StringBuilder();
        if (title != null) {
            out.append("【").append(title).append("】");
        }
        out.append(content);
        if (address != null) {
            out.append("（地址：").append(address).append("）");
        }
        return out.toString();
    }
}
