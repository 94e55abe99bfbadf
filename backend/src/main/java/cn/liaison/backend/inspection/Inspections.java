package cn.liaison.backend.inspection;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.inspection.InspectionRules.Decision;
import cn.liaison.backend.inspection.InspectionRules.Existing;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The staff side of 扫码入企: plan an inspection (caps and 综合查一次 decided by {@link InspectionRules}),
 * a unit head's decision on one beyond the cap, registering it on site by the enterprise's code (or,
 * flagged, with a reason instead), and the follow-up of a rectification. Reads go through
 * {@link InspectionStore}, which owns the collection.
 */
final class Inspections {

    static final String COLLECTION = InspectionCollections.INSPECTIONS.name();
    static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    static final String PLANNED = "PLANNED";
    static final String RECORDED = "RECORDED";
    static final String REFUSED = "REFUSED";
    static final int MAX_RECTIFICATION_DAYS = 60;

    private final InspectionStore store;
    private final InspectionCatalogue catalogue;
    private final EnterpriseCodes codes;
    private final WorkingCalendar calendar;

    Inspections(InspectionStore store, InspectionCatalogue catalogue, EnterpriseCodes codes, WorkingCalendar calendar) {
        this.store = store;
        this.catalogue = catalogue;
        this.codes = codes;
        this.calendar = calendar;
    }

    /** What the scan page shows after a scan: the enterprise and the inspections waiting for this visit. */
    Future<JsonObject> scan(String code, Principal who) {
        return codes.resolve(code).compose(store::enterprise).compose(e -> store.ofEnterprise(e.id()).map(docs -> {
            JsonArray open = new JsonArray();
            docs.stream().filter(d -> PLANNED.equals(d.getString("state")))
                    .forEach(d -> open.add(InspectionView.of(d, store.today())));
            return new JsonObject().put("enterpriseId", e.id()).put("enterpriseName", e.name()).put("planned", open)
                    .put("code", code.strip());
        }));
    }

    Future<JsonObject> plan(JsonObject body, Principal who) {
        InspectionKind kind = InspectionKind.valueOf(body.getString("kind"));
        LocalDate plannedOn = body.getString("plannedOn") == null ? store.today() : LocalDate.parse(body.getString("plannedOn"));
        if (plannedOn.isBefore(store.today().minusDays(1)) || plannedOn.isAfter(store.today().plusYears(1))) {
            return Future.failedFuture(ProblemException.invalid("计划日期应在今天到一年之内",
                    List.of(new FieldError("plannedOn", "应在今天到一年之内"))));
        }
        return Future.all(store.enterprise(body.getString("enterpriseId")), catalogue.item(body.getString("itemId")),
                        catalogue.limits(), store.unitName(who.unitId()))
                .compose(all -> {
                    Enterprise e = all.resultAt(0);
                    return store.requireAreaOf(e, who).compose(v -> store.ofEnterprise(e.id()))
                            .map(docs -> docs.stream().filter(d -> d.getInteger("year") == plannedOn.getYear())
                                    .map(Inspections::existing).toList())
                            .compose(sameYear -> {
                                Decision d = InspectionRules.plan(sameYear, who.unitId(), kind, plannedOn, all.resultAt(2));
                                String reason = body.getString("overCapReason");
                                if (d.overCap() != null && (reason == null || reason.isBlank())) {
                                    return Future.failedFuture(ProblemException.invalid(d.overCap() + "；超出上限须说明理由，由单位负责人批准",
                                            List.of(new FieldError("overCapReason", "超出年度上限，须说明理由"))));
                                }
                                JsonObject item = all.resultAt(1);
                                JsonObject doc = newDoc(e, who, all.resultAt(3), item, kind, d.visitDate())
                                        .put("visitId", d.merged() ? d.joinVisitId() : "visit-" + UUID.randomUUID())
                                        .put("merged", d.merged())
                                        .put("state", d.overCap() != null ? AWAITING_APPROVAL : PLANNED);
                                if (d.overCap() != null) {
                                    doc.put("overCap", d.overCap()).put("overCapReason", reason.strip());
                                }
                                return store.insert(doc).compose(v -> d.merged() ? store.markMerged(e.id(), d.joinVisitId()) : Future.succeededFuture())
                                        .map(v -> InspectionView.of(doc, store.today()).put("joinedUnits", new JsonArray(List.copyOf(d.joinedUnits()))));
                            });
                });
    }

    /** An inspection the enterprise asked for (邀约式): planned at once for its park or district, never counted. */
    Future<JsonObject> invite(JsonObject body, Principal who) {
        LocalDate on = body.getString("preferredDate") == null ? store.today() : LocalDate.parse(body.getString("preferredDate"));
        if (on.isBefore(store.today()) || on.isAfter(store.today().plusMonths(6))) {
            return Future.failedFuture(ProblemException.invalid("希望日期应在今天到半年之内",
                    List.of(new FieldError("preferredDate", "应在今天到半年之内"))));
        }
        Future<JsonObject> item = body.getString("itemId") == null ? Future.succeededFuture(null) : catalogue.item(body.getString("itemId"));
        return Future.all(store.enterprise(who.enterpriseId()), item).compose(all -> {
            Enterprise e = all.resultAt(0);
            String unitId = e.parkId() != null ? e.parkId() : e.districtUnitId();
            return store.unitName(unitId).compose(unitName -> {
                JsonObject chosen = all.resultAt(1);
                JsonObject doc = newDoc(e, who, unitName, chosen, InspectionKind.INVITED, on).put("unitId", unitId)
                        .put("visitId", "visit-" + UUID.randomUUID()).put("merged", false).put("state", PLANNED)
                        .put("invitationNote", body.getString("note").strip());
                return store.insert(doc).map(v -> InspectionView.of(doc, store.today()));
            });
        });
    }

    Future<JsonObject> decide(String id, JsonObject body, Principal who) {
        boolean approve = body.getBoolean("approve");
        return store.getForStaff(id, who).compose(doc -> {
            if (!AWAITING_APPROVAL.equals(doc.getString("state"))) {
                return Future.failedFuture(ProblemException.conflict("该检查不在待批准状态"));
            }
            JsonObject approval = new JsonObject().put("approved", approve).put("by", who.userId()).put("byName", who.name())
                    .put("reason", body.getString("reason").strip()).put("at", MongoDocs.date(store.now()));
            return store.transition(id, AWAITING_APPROVAL, new JsonObject().put("state", approve ? PLANNED : REFUSED)
                    .put("approval", approval).put("overCapApproved", approve), null);
        });
    }

    Future<JsonObject> record(String id, JsonObject body, Principal who) {
        return store.getForStaff(id, who).compose(doc -> {
            if (!PLANNED.equals(doc.getString("state"))) {
                return Future.failedFuture(ProblemException.conflict("只有已计划（或已批准）的检查可以登记"));
            }
            InspectionKind kind = InspectionKind.valueOf(doc.getString("kind"));
            String code = body.getString("code");
            String reason = body.getString("noScanReason");
            Future<Boolean> scanned;
            if (code != null) {
                scanned = codes.resolve(code).compose(enterpriseId -> enterpriseId.equals(doc.getString("enterpriseId"))
                        ? Future.succeededFuture(true)
                        : Future.failedFuture(ProblemException.conflict("扫描的企业码不是本次检查的企业")));
            } else if (kind.needsScan() && (reason == null || reason.isBlank())) {
                return Future.failedFuture(ProblemException.invalid("现场检查须扫企业码；未扫码须说明理由",
                        List.of(new FieldError("noScanReason", "未扫码登记须说明理由"))));
            } else {
                scanned = Future.succeededFuture(false);
            }
            return scanned.compose(ok -> {
                Instant at = body.getString("at") == null ? store.now() : Instant.parse(body.getString("at"));
                if (at.isAfter(store.now().plusSeconds(300))) {
                    return Future.failedFuture(ProblemException.invalid("检查时间不能晚于现在", List.of(new FieldError("at", "不能晚于现在"))));
                }
                LocalDate day = at.atZone(WorkingCalendar.ZONE).toLocalDate();
                JsonObject record = new JsonObject().put("scanned", ok).put("flagged", !ok && kind.needsScan())
                        .put("inspectors", body.getJsonArray("inspectors")).put("at", MongoDocs.date(at))
                        .put("place", body.getString("place", "")).put("findings", body.getString("findings"))
                        .put("recordedBy", who.userId()).put("recordedByName", who.name());
                if (!ok && reason != null) {
                    record.put("noScanReason", reason.strip());
                }
                JsonObject rect = body.getJsonObject("rectification");
                if (rect != null) {
                    int days = rect.getInteger("workingDays");
                    record.put("rectification", new JsonObject().put("demand", rect.getString("demand"))
                            .put("workingDays", days).put("deadline", calendar.addWorkingDays(day, days).toString()));
                }
                JsonObject set = new JsonObject().put("state", RECORDED).put("record", record)
                        .put("month", YearMonth.from(day).toString()).put("year", day.getYear());
                return store.enterpriseUsers(doc.getString("enterpriseId")).compose(users -> {
                    String text = doc.getString("unitName") + "对贵企业进行了" + kind.label() + "（" + doc.getString("itemName")
                            + "），结果已登记，请在小程序中查看并评价。";
                    JsonObject entry = InspectionOutbox.entry(NotificationEvent.INSPECTION_RECORDED, users, "行政检查结果待评价",
                            text, store.now(), new JsonObject().put("number", id).put("summary", doc.getString("itemName")));
                    return store.transition(id, PLANNED, set, users.isEmpty() ? null : entry);
                });
            });
        });
    }

    Future<JsonObject> followUp(String id, JsonObject body, Principal who) {
        return store.getForStaff(id, who).compose(doc -> {
            JsonObject record = doc.getJsonObject("record");
            if (record == null || record.getJsonObject("rectification") == null) {
                return Future.failedFuture(ProblemException.conflict("该检查没有整改要求"));
            }
            if (doc.getJsonObject("followUp") != null) {
                return Future.failedFuture(ProblemException.conflict("整改已复查"));
            }
            JsonObject followUp = new JsonObject().put("rectified", body.getBoolean("rectified")).put("note", body.getString("note"))
                    .put("byName", who.name()).put("at", MongoDocs.date(store.now()));
            return store.transition(id, RECORDED, new JsonObject().put("followUp", followUp), null);
        });
    }

    private JsonObject newDoc(Enterprise e, Principal who, String unitName, JsonObject item, InspectionKind kind, LocalDate on) {
        return new JsonObject().put("_id", "insp-" + UUID.randomUUID().toString().substring(0, 13))
                .put("enterpriseId", e.id()).put("enterpriseName", e.name()).put("districtUnitId", e.districtUnitId())
                .put("parkId", e.parkId()).put("unitId", who.unitId()).put("unitName", unitName)
                .put("itemId", item == null ? null : item.getString("id"))
                .put("itemName", item == null ? "（企业邀约，事项待定）" : item.getString("name"))
                .put("kind", kind.name()).put("plannedOn", on.toString()).put("year", on.getYear())
                .put("month", YearMonth.from(on).toString()).put("createdBy", who.userId()).put("createdByName", who.name())
                .put("createdByRole", who.has(Role.ENTERPRISE) ? "ENTERPRISE" : "STAFF")
                .put("createdAt", MongoDocs.date(store.now()));
    }

    private static Existing existing(JsonObject d) {
        return new Existing(d.getString("_id"), d.getString("visitId"), d.getString("unitId"),
                InspectionKind.valueOf(d.getString("kind")), LocalDate.parse(d.getString("plannedOn")), d.getString("state"));
    }
}
