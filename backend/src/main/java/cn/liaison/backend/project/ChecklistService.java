package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.platform.Published;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a project's checklist and records progress on it: liaisons (and the project's enterprise)
 * mark an item applied for (申报, the deadline starts running) or done with a date and a reference
 * number (文号). Records live in the project document's {@code checklist} array, written by one
 * versioned update like every other project change.
 */
@Published
public final class ChecklistService {
    private static final int RETRIES = 3;

    private final ProjectService projects;
    private final ProjectStore store;
    private final Future<KnowledgeBase> kb;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public ChecklistService(ProjectModule module, Future<KnowledgeBase> kb, WorkingCalendar calendar, Clock clock) {
        this.projects = module.service();
        this.store = module.store();
        this.kb = kb;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Future<JsonObject> checklist(String projectId, Principal who) {
        return Future.all(projects.visible(projectId, who), kb).map(all -> build(all.resultAt(0), all.resultAt(1)));
    }

    /** {@code POST .../checklist/{itemId}/start}: {@code {startedOn}} (today when absent). */
    public Future<JsonObject> start(String projectId, String itemId, JsonObject body, Principal who) {
        LocalDate startedOn = dateOr(body, "startedOn", today());
        return record(projectId, itemId, who, (row, old) -> new ChecklistRecord(itemId, row.stage(), startedOn,
                old == null ? null : old.doneOn(), old == null ? null : old.reference(), who.userId(), who.name(),
                clock.instant()));
    }

    /** {@code POST .../checklist/{itemId}/done}: {@code {doneOn, reference, startedOn?}}. */
    public Future<JsonObject> done(String projectId, String itemId, JsonObject body, Principal who) {
        LocalDate doneOn = dateOr(body, "doneOn", null);
        if (doneOn == null) {
            throw new ProjectRuleViolation("doneOn", "请填写办结日期");
        }
        String reference = body.getString("reference") == null ? null : body.getString("reference").strip();
        return record(projectId, itemId, who, (row, old) -> new ChecklistRecord(itemId, row.stage(),
                dateOr(body, "startedOn", old == null ? null : old.startedOn()), doneOn, reference, who.userId(), who.name(),
                clock.instant()));
    }

    private interface Change {
        ChecklistRecord apply(ChecklistRules.Row row, ChecklistRecord old);
    }

    private Future<JsonObject> record(String projectId, String itemId, Principal who, Change change) {
        ChecklistRules.Row row = ChecklistRules.row(itemId).orElseThrow(() -> new ProjectNotFound("清单中没有事项 " + itemId));
        return attempt(projectId, row, who, change, RETRIES);
    }

    private Future<JsonObject> attempt(String projectId, ChecklistRules.Row row, Principal who, Change change, int left) {
        return Future.all(projects.visible(projectId, who), projects.scopeOf(who), kb).compose(all -> {
            JsonObject doc = all.resultAt(0);
            ProjectScope scope = all.resultAt(1);
            Project p = ProjectDocuments.project(doc);
            if (!who.has(Role.ENTERPRISE) && !scope.isStaffFor(p)) {
                return Future.failedFuture(new ProjectAccessDenied("只有项目联系人、所在单位负责人或建设单位可以登记", List.of()));
            }
            ChecklistRules.Verdict verdict = ChecklistRules.item(row, p, ProjectDocuments.matches(doc));
            if (!verdict.applies()) {
                return Future.failedFuture(new ProjectRuleViolation("itemId", "该事项对本项目不适用：" + verdict.reason()));
            }
            Map<String, ChecklistRecord> records = records(doc);
            ChecklistRecord next = change.apply(row, records.get(row.itemId()));
            LocalDate today = today();
            if (next.doneOn() != null && next.doneOn().isAfter(today)
                    || next.startedOn() != null && next.startedOn().isAfter(today)) {
                return Future.failedFuture(new ProjectRuleViolation("date", "日期不能晚于今天"));
            }
            records.put(row.itemId(), next);
            JsonArray array = new JsonArray();
            records.values().forEach(r -> array.add(toDoc(r)));
            JsonObject update = new JsonObject().put("$set", new JsonObject().put("checklist", array)
                    .put("updatedAt", MongoDocs.date(clock.instant())));
            return store.update(projectId, doc.getLong("version", 0L), update).compose(updated -> {
                if (updated.isPresent()) {
                    return Future.succeededFuture(build(updated.get(), all.resultAt(2)));
                }
                return left > 1 ? attempt(projectId, row, who, change, left - 1)
                        : Future.failedFuture(new ProjectService.ProjectConflict());
            });
        });
    }

    private JsonObject build(JsonObject doc, KnowledgeBase base) {
        Project p = ProjectDocuments.project(doc);
        JsonObject ask = doc.getString("liaisonId") != null
                ? new JsonObject().put("userId", doc.getString("liaisonId")).put("name", doc.getString("liaisonName"))
                        .put("unitId", p.servingUnitId())
                : new JsonObject().put("userId", (String) null).put("name", (String) null).put("unitId", p.servingUnitId())
                        .put("note", "项目尚未指定联系人，请联系所在区（园区）人防部门");
        return new Checklist(p, ProjectDocuments.matches(doc), records(doc), base == null ? null : base.content(), calendar, today(), ask).toJson();
    }

    static Map<String, ChecklistRecord> records(JsonObject doc) {
        Map<String, ChecklistRecord> out = new LinkedHashMap<>();
        for (Object o : doc.getJsonArray("checklist", new JsonArray())) {
            JsonObject r = (JsonObject) o;
            out.put(r.getString("itemId"), new ChecklistRecord(r.getString("itemId"), ApprovalStage.valueOf(r.getString("stage")),
                    parse(r.getString("startedOn")), parse(r.getString("doneOn")), r.getString("reference"),
                    r.getString("byUserId"), r.getString("byName"), MongoDocs.instant(r.getValue("at"))));
        }
        return out;
    }

    static JsonObject toDoc(ChecklistRecord r) {
        return new JsonObject().put("itemId", r.itemId()).put("stage", r.stage().name())
                .put("title", ChecklistRules.row(r.itemId()).map(ChecklistRules.Row::fallbackTitle).orElse(r.itemId()))
                .put("startedOn", r.startedOn() == null ? null : r.startedOn().toString())
                .put("doneOn", r.doneOn() == null ? null : r.doneOn().toString())
                .put("reference", r.reference()).put("byUserId", r.byUserId()).put("byName", r.byName())
                .put("at", r.at() == null ? null : MongoDocs.date(r.at()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), WorkingCalendar.ZONE);
    }

    private static LocalDate parse(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static LocalDate dateOr(JsonObject body, String field, LocalDate fallback) {
        String text = body == null ? null : body.getString(field);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProjectRuleViolation(field, "日期格式应为 YYYY-MM-DD");
        }
    }
}
