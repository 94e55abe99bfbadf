package cn.liaison.backend.request;

import static cn.liaison.backend.platform.store.MongoDocs.apiTime;
import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.request.RequestSnapshot.ExtensionState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What an enterprise reads of a request's history and extension. Why a liaison asked for more time
 * and what the unit head said about it are the office's own business, as are internal notes: the
 * enterprise never receives them, nor learns that an extension was asked for or refused (its due
 * date did not move). When the due date does move, it is told so in plain words, as a service desk
 * tells its customer: 「办理期限延长至 2026年12月3日」.
 */
final class EnterpriseView {

    /** The history entry an enterprise reads in place of an approved extension. */
    static final String DEADLINE_EXTENDED = "DEADLINE_EXTENDED";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingCalendar.ZONE);

    private EnterpriseView() {
    }

    static JsonArray history(JsonObject doc) {
        JsonArray shown = new JsonArray();
        for (Object item : doc.getJsonArray("history", new JsonArray())) {
            JsonObject entry = (JsonObject) item;
            String action = entry.getString("action");
            if (Action.EXTENSION_APPROVE.name().equals(action)) {
                shown.add(extended(entry, newDueAt(doc)));
            } else if (!entry.getBoolean("internal", false) && !Action.staffOnly(action)) {
                JsonObject copy = entry.copy();
                copy.put("at", apiTime(instant(entry.getValue("at"))));
                shown.add(copy);
            }
        }
        return shown;
    }

    /** The extension as the enterprise sees it: only an approved one, as its new due date; else nothing. */
    static JsonObject extension(JsonObject doc) {
        JsonObject extension = doc.getJsonObject("extension");
        if (extension == null || !ExtensionState.APPROVED.name().equals(extension.getString("state"))) {
            return null;
        }
        Instant due = newDueAt(doc);
        JsonObject shown = new JsonObject()
                .put("state", ExtensionState.APPROVED.name())
                .put("stateLabel", "办理期限已延长")
                .put("text", text(due));
        if (due != null) {
            shown.put("dueAt", apiTime(due));
        }
        Instant previous = instant(extension.getValue("previousDueAt"));
        if (previous != null) {
            shown.put("previousDueAt", apiTime(previous));
        }
        return shown;
    }

    private static JsonObject extended(JsonObject approval, Instant due) {
        return new JsonObject()
                .put("at", apiTime(instant(approval.getValue("at"))))
                .put("actor", new JsonObject().put("id", Actor.SYSTEM.id()).put("name", Actor.SYSTEM.name())
                        .put("role", Actor.SYSTEM.mainRole()))
                .put("action", DEADLINE_EXTENDED)
                .put("actionLabel", "办理期限延长")
                .put("note", text(due));
    }

    /** The due date an approval set (kept on the extension since approvals record it; one per request). */
    private static Instant newDueAt(JsonObject doc) {
        return instant(doc.getJsonObject("extension", new JsonObject()).getValue("dueAt"));
    }

    private static String text(Instant due) {
        return due == null ? "办理期限已延长" : "办理期限延长至 " + DAY.format(due);
    }
}
