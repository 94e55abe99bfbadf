package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a card opens on the staff phone page ({@code /m/}): the view of the thing the event is about.
 * {@link cn.liaison.backend.platform.outbox.Notification#requestId()} carries a request, plan, task or
 * project id depending on the event, so a card linked to the request view for a plan event would
 * open nothing.
 */
final class StaffLinks {

    private StaffLinks() {
    }

    /** The page's hash route, e.g. {@code #/plans/abc}; the id is percent-encoded (task ids contain ':'). */
    static String route(NotificationEvent event, String id) {
        return switch (event) {
            case PLAN_ASSIGNED, PLAN_STEP_DUE, PLAN_REOPENED, PLAN_PROGRESS -> "#/plans/" + encode(id);
            case PROACTIVE_TASK -> "#/proactive/" + encode(id);
            // The phone page has no project or inspection view: the inbox, rather than a task page that does not exist.
            case POLICY_MATCHED, POLICY_DUE_NOT_APPLIED, PROJECT_ASSIGNED, INSPECTION_RECORDED, CHECK_IN -> "#/tasks";
            default -> "#/tasks/" + encode(id);
        };
    }

    /** The full link under the service's public address. */
    static String url(String publicBaseUrl, NotificationEvent event, String id) {
        return publicBaseUrl + "/m/" + route(event, id);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
