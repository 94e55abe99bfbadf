package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;

import static cn.liaison.backend.platform.store.MongoDocs.apiTime;
import static cn.liaison.backend.platform.store.MongoDocs.instant;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.log.Masking;
import cn.liaison.backend.platform.store.StoredValues;
import cn.liaison.backend.calendar.CalendarNotes;
import cn.liaison.backend.request.RequestSnapshot.ExtensionState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/** Translates between the stored request document, the domain snapshot and the API's JSON. */
final class RequestDocuments {

    /** Fields holding instants, shown in the API as ISO-8601 with +08:00. */
    private static final String[] TIMES = {"createdAt", "signDeadline", "dueAt", "activeDueAt", "respondedAt", "closedAt"};

    private RequestDocuments() {
    }

    /**
     * What the state machine needs; empty when the stored status names no {@link RequestStatus} (a
     * document of another version): such a request is shown, but no action applies to it.
     */
    public static java.util.Optional<RequestSnapshot> snapshot(JsonObject doc) {
        JsonObject extension = doc.getJsonObject("extension");
        String id = doc.getString("_id");
        return status(doc).map(status -> new RequestSnapshot(
                id,
                doc.getLong("version", 0L),
                status,
                Channel.fromWire(doc.getString("channel")).orElse(Channel.WEB),
                type(doc).orElse(null),
                doc.getString("unitId"),
                doc.getString("liaisonId"),
                doc.getString("enterpriseId"),
                doc.getJsonObject("createdBy", new JsonObject()).getString("id"),
                extension == null ? ExtensionState.NONE
                        : known(ExtensionState.class, extension.getString("state"), id, "extension.state")
                        .orElse(ExtensionState.NONE)));
    }

    /** {@link #snapshot} of a request the system acts on; it was found by its (known) status. */
    static RequestSnapshot snapshotOf(JsonObject doc) {
        return snapshot(doc).orElseThrow(() -> new IllegalStateException("request " + doc.getString("_id")
                + " has a status no RequestStatus names"));
    }

    static java.util.Optional<RequestStatus> status(JsonObject doc) {
        return known(RequestStatus.class, doc.getString("status"), doc.getString("_id"), "status");
    }

    static java.util.Optional<RequestType> type(JsonObject doc) {
        return known(RequestType.class, doc.getString("type"), doc.getString("_id"), "type");
    }

    private static <E extends Enum<E>> java.util.Optional<E> known(Class<E> type, String value, String id, String field) {
        return StoredValues.known(type, value, RequestRepository.COLLECTION, id, field);
    }

    /** The request as the API shows it to {@code viewer}, with the actions the viewer may take now. */
    static JsonObject toApi(JsonObject doc, Actor viewer, Set<Action> actions, Instant now) {
        java.util.Optional<RequestStatus> known = status(doc);
        // an unknown stored status reads as an open one for the overdue flag: it may still need someone
        RequestStatus status = known.orElse(RequestStatus.RECEIVED);
        JsonObject out = new JsonObject()
                .put("id", doc.getString("_id"))
                .put("number", doc.getString("number"))
                .put("version", doc.getLong("version"))
                .put("status", doc.getString("status"))
                .put("statusLabel", known.map(RequestStatus::label).orElse(StoredValues.unknownLabel(doc.getString("status"))))
                .put("type", doc.getString("type"))
                .put("channel", doc.getString("channel"))
                .put("content", doc.getString("content"));
        for (String field : new String[] {"category", "categoryTitle", "enterpriseId", "enterpriseName", "projectId",
                "projectName", "district", "districtName", "parkId", "unitId", "liaisonId", "liaisonName", "orderNo"}) {
            if (doc.getValue(field) != null) {
                out.put(field, doc.getValue(field));
            }
        }
        if (doc.getString("district") == null) {
            out.remove("districtName"); // only the name typed at submission, not a district the request is in
        }
        for (String field : TIMES) {
            Instant value = instant(doc.getValue(field));
            if (value != null && !"activeDueAt".equals(field)) {
                out.put(field, apiTime(value));
            }
        }
        Instant activeDue = instant(doc.getValue("activeDueAt"));
        out.put("overdue", status.isOpen() && status != RequestStatus.RESPONDED && activeDue != null
                && activeDue.isBefore(now));
        // Set when the deadline was computed across a year with no holiday schedule (counted Mon–Fri).
        CalendarNotes.flag(out, !doc.getBoolean("calendarIncomplete", false));
        JsonObject contact = doc.getJsonObject("contact");
        if (contact != null) {
            JsonObject shown = contact.copy();
            if (viewer.has(Role.ENTERPRISE) && shown.getString("phone") != null) {
                shown.put("phone", Masking.maskPhone(shown.getString("phone")));
            }
            out.put("contact", shown);
        }
        JsonObject createdBy = doc.getJsonObject("createdBy");
        if (createdBy != null) {
            out.put("createdBy", createdBy.copy());
        }
        boolean staff = viewer.isStaff();
        if (!staff) {
            JsonObject extension = EnterpriseView.extension(doc); // only an approved one, as its new due date
            if (extension != null) {
                out.put("extension", extension);
            }
        } else {
            copyWithTimes(doc, out, "extension", "requestedAt", "decidedAt", "previousDueAt", "dueAt");
        }
        if (staff && out.getJsonObject("extension") != null) {
            JsonObject extension = out.getJsonObject("extension");
            String state = extension.getString("state");
            extension.put("stateLabel", known(ExtensionState.class, state, doc.getString("_id"), "extension.state")
                    .map(RequestDocuments::extensionLabel).orElse(StoredValues.unknownLabel(state)));
        }
        copyWithTimes(doc, out, "response", "at");
        copyWithTimes(doc, out, "rating", "at");
        copyWithTimes(doc, out, "rework", "at", "dueAt");
        copyWithTimes(doc, out, "forward", "at");
        copyWithTimes(doc, out, "returned", "at");
        copyWithTimes(doc, out, "urges", "lastAt");
        if (doc.getJsonObject("source") != null) {
            out.put("source", doc.getJsonObject("source").copy());
        }
        if (doc.getJsonArray("callbacks") != null && !viewer.has(Role.ENTERPRISE)) {
            JsonArray callbacks = new JsonArray();
            doc.getJsonArray("callbacks").forEach(c -> callbacks.add(withApiTimes((JsonObject) c, "at")));
            out.put("callbacks", callbacks);
        }
        copyWithTimes(doc, out, "assessment", "at");
        if (staff) {
            JsonArray history = new JsonArray();
            doc.getJsonArray("history", new JsonArray()).forEach(e -> history.add(withApiTimes((JsonObject) e, "at")));
            out.put("history", history);
        } else {
            // Internal notes and extension reasons and decisions are for staff only (EnterpriseView).
            out.put("history", EnterpriseView.history(doc));
        }
        JsonArray failed = doc.getJsonArray("failedNotifications");
        if (failed != null && !failed.isEmpty() && !viewer.has(Role.ENTERPRISE)) {
            JsonArray shown = new JsonArray();
            failed.forEach(f -> shown.add(new JsonObject()
                    .put("event", ((JsonObject) f).getString("event"))
                    .put("attempts", ((JsonObject) f).getInteger("attempts"))
                    .put("lastError", ((JsonObject) f).getString("lastError"))));
            out.put("failedNotifications", shown);
        }
        out.put("pendingNotifications", doc.getJsonArray("outbox", new JsonArray()).size());
        JsonArray available = new JsonArray();
        actions.forEach(a -> available.add(a.path()));
        out.put("actions", available);
        return out;
    }

    static String extensionLabel(ExtensionState state) {
        return switch (state) {
            case NONE -> "未申请";
            case PENDING -> "已申请，待审批";
            case APPROVED -> "已批准";
            case REJECTED -> "已驳回";
        };
    }

    private static void copyWithTimes(JsonObject doc, JsonObject out, String field, String... timeFields) {
        JsonObject value = doc.getJsonObject(field);
        if (value != null) {
            out.put(field, withApiTimes(value, timeFields));
        }
    }

    private static JsonObject withApiTimes(JsonObject value, String... timeFields) {
        JsonObject copy = value.copy();
        for (String field : timeFields) {
            Instant time = instant(copy.getValue(field));
            if (time != null) {
                copy.put(field, apiTime(time));
            }
        }
        return copy;
    }
}
