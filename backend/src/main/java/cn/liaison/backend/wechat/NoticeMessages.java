package cn.liaison.backend.wechat;

import cn.liaison.backend.config.MiniProgramConfig.Moment;
import cn.liaison.backend.platform.outbox.Notification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribe messages about things other than a request: an inspection registered (扫码入企), a
 * service plan's progress (一企一策) and the office's check-in (主动问询). Everything they show is in
 * the notice's data, written with the change that raised it, so nothing is looked up at sending time.
 * A notice without data (the same events to staff) is no subscribe message. Plan and check-in
 * templates are used only when configured: borrowing a request template would spend the
 * subscription the user gave for their request's answer (one subscription, one message).
 */
final class NoticeMessages {

    static final String INSPECTION_PAGE = "pages/inspections/detail?id=";
    static final String PLAN_PAGE = "pages/plans/detail?id=";
    /** The chat, about the project: where the enterprise answers a check-in or turns it into a request. */
    static final String CHECK_IN_PAGE = "pages/chat/index?projectId=";

    /** One message: the template, the mini-program page it opens, the template's data. */
    record Message(String template, String page, Map<String, String> data) {
    }

    private NoticeMessages() {
    }

    /** The template moment of a non-request event; empty for request events. */
    static Optional<Moment> moment(Notification n) {
        return switch (n.event()) {
            case INSPECTION_RECORDED -> Optional.of(Moment.RATING);
            case PLAN_PROGRESS -> Optional.of(Moment.PLAN_PROGRESS);
            case CHECK_IN -> Optional.of(Moment.CHECK_IN);
            default -> Optional.empty();
        };
    }

    /** The message for the notice, when it has a configured template and data for the enterprise. */
    static Optional<Message> of(Notification n, Map<Moment, String> templates, Map<String, String> fieldKeys) {
        Optional<Moment> moment = moment(n);
        if (moment.isEmpty() || !templates.containsKey(moment.get()) || n.data().isEmpty()) {
            return Optional.empty();
        }
        String page = switch (moment.get()) {
            case PLAN_PROGRESS -> PLAN_PAGE + n.requestId();
            case CHECK_IN -> CHECK_IN_PAGE + n.data().getOrDefault("projectId", "");
            default -> INSPECTION_PAGE + n.requestId();
        };
        String status = moment.get() == Moment.RATING ? "检查待评价" : n.data().getOrDefault("status", "");
        String number = switch (moment.get()) {
            case PLAN_PROGRESS -> reference(n.requestId());
            case CHECK_IN -> reference(n.data().get("projectId"));
            default -> n.data().getOrDefault("number", "");
        };
        Map<String, String> ours = Map.of("number", number, "status", status,
                "summary", n.data().getOrDefault("summary", n.title()), "time", TemplateValues.time(n.createdAt()));
        Map<String, String> data = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> data.put(key, TemplateValues.fit(key, ours.get(field))));
        return Optional.of(new Message(templates.get(moment.get()), page, data));
    }

    /** A short reference an enterprise can quote: the first eight letters or digits of an id, in capitals. */
    static String reference(String id) {
        String plain = id == null ? "" : id.replaceFirst("^project-", "").replaceAll("[^A-Za-z0-9]", "");
        return plain.substring(0, Math.min(8, plain.length())).toUpperCase(java.util.Locale.ROOT);
    }
}
