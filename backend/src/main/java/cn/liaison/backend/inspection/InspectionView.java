package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** An inspection document as the API shows it: labels next to codes, Beijing times, no outbox. */
final class InspectionView {

    private InspectionView() {
    }

    static String stateLabel(String status) {
        return switch (status) {
            case Inspections.AWAITING_APPROVAL -> "超出上限，待单位负责人批准";
            case Inspections.PLANNED -> "已计划";
            case Inspections.RECORDED -> "已登记";
            case Inspections.REFUSED -> "未获批准";
            default -> status;
        };
    }

    static JsonObject of(JsonObject doc, LocalDate today) {
        JsonObject out = new JsonObject().put("id", doc.getString("_id"))
                .put("enterpriseId", doc.getString("enterpriseId")).put("enterpriseName", doc.getString("enterpriseName"))
                .put("unitId", doc.getString("unitId")).put("unitName", doc.getString("unitName"))
                .put("itemId", doc.getString("itemId")).put("itemName", doc.getString("itemName"))
                .put("kind", doc.getString("kind")).put("kindLabel", InspectionKind.valueOf(doc.getString("kind")).label())
                .put("plannedOn", doc.getString("plannedOn")).put("visitId", doc.getString("visitId"))
                .put("merged", doc.getBoolean("merged", false))
                .put("state", doc.getString("state")).put("stateLabel", stateLabel(doc.getString("state")))
                .put("createdByName", doc.getString("createdByName"))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("createdAt"))));
        copy(doc, out, "overCap", "overCapReason", "invitationNote");
        JsonObject approval = doc.getJsonObject("approval");
        if (approval != null) {
            out.put("approval", approval.copy().put("at", MongoDocs.apiTime(MongoDocs.instant(approval.getValue("at")))));
        }
        JsonObject record = doc.getJsonObject("record");
        if (record != null) {
            JsonObject r = record.copy().put("at", MongoDocs.apiTime(MongoDocs.instant(record.getValue("at"))));
            JsonObject rect = r.getJsonObject("rectification");
            if (rect != null) {
                boolean open = doc.getJsonObject("followUp") == null;
                rect.put("overdue", open && LocalDate.parse(rect.getString("deadline")).isBefore(today));
            }
            out.put("record", r);
        }
        JsonObject followUp = doc.getJsonObject("followUp");
        if (followUp != null) {
            out.put("followUp", followUp.copy().put("at", MongoDocs.apiTime(MongoDocs.instant(followUp.getValue("at")))));
        }
        JsonObject rating = doc.getJsonObject("rating");
        if (rating != null) {
            out.put("rating", rating.copy().put("at", MongoDocs.apiTime(MongoDocs.instant(rating.getValue("at")))));
        }
        return out;
    }

    private static void copy(JsonObject from, JsonObject to, String... fields) {
        for (String f : fields) {
            if (from.getValue(f) != null) {
                to.put(f, from.getValue(f));
            }
        }
    }
}
