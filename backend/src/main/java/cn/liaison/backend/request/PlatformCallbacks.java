package cn.liaison.backend.request;

import cn.liaison.bots.hotline12345.CallbackEvent;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change to a 12345 work order tells the platform: 签收, 办结回复, 延期申请 and 退单 become
 * outbox entries for the reserved recipient {@link #RECIPIENT}, carrying the callback's fields in
 * {@code data}, so the callback is written in the same update as the change and retried until the
 * platform acknowledges it. Requests from other channels get none.
 */
@Published
public final class PlatformCallbacks {

    /** The outbox recipient a 12345 callback channel delivers to. */
    public static final String RECIPIENT = "platform:12345";
    /** {@code data} keys every callback carries. */
    public static final String EVENT = "callback";
    public static final String ORDER_NO = "orderNo";

    private PlatformCallbacks() {
    }

    static void signed(Change change) {
        add(change, NotificationEvent.SIGNED, CallbackEvent.SIGNED.name(), "工单已签收",
                Map.of("handler", change.actor.name()));
    }

    static void result(Change change, Command.Respond command) {
        add(change, NotificationEvent.RESPONDED, CallbackEvent.RESULT.name(), "工单办结回复",
                Map.of("result", command.result(), "resolution", command.resolution().name()));
    }

    static void extensionRequested(Change change, Command.RequestExtension command) {
        add(change, NotificationEvent.EXTENSION_REQUESTED, CallbackEvent.EXTENSION_REQUESTED.name(), "工单延期申请",
                Map.of("workingDays", Integer.toString(command.workingDays()), "reason", command.reason()));
    }

    static void returned(Change change, Command.Return command) {
        Map<String, String> data = new HashMap<>();
        data.put("reason", command.reason().name());
        if (command.note() != null && !command.note().isBlank()) {
            data.put("note", command.note());
        }
        add(change, NotificationEvent.RETURNED, CallbackEvent.RETURNED.name(), "工单退单", data);
    }

    private static void add(Change change, NotificationEvent event, String callback, String title,
                            Map<String, String> fields) {
        String orderNo = change.doc.getString("orderNo");
        if (!Channel.HOTLINE_12345.wire().equals(change.doc.getString("channel")) || orderNo == null) {
            return;
        }
        Map<String, String> data = new HashMap<>(fields);
        data.put(EVENT, callback);
        data.put(ORDER_NO, orderNo);
        change.notifyWith(event, List.of(RECIPIENT), title, "12345 工单 " + orderNo + "：" + title, data);
    }
}
