package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.ServiceItem;
import cn.liaison.kb.scenario.Scenario;
import cn.liaison.kb.scenario.ScenarioPackage;
import cn.liaison.kb.scenario.Scenarios;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 全链条清单: a project's 人防 items and scenarios across the four stages, each with its state, its
 * deadline when one runs (from the application date, by the item's promised or else statutory time
 * limit on the working-day calendar; the completion filing's 15 days from passing acceptance), and
 * the liaison to ask. Built from the project, its recorded policy matches and checklist records, and
 * the knowledge base's items and scenarios.
 */
final class Checklist {
    static final int FILING_DAYS_AFTER_ACCEPTANCE = 15;

    private final Project project;
    private final List<PolicyMatch> matches;
    private final Map<String, ChecklistRecord> records;
    private final Content kb;
    private final WorkingCalendar calendar;
    private final LocalDate today;
    private final JsonObject ask;

    Checklist(Project project, List<PolicyMatch> matches, Map<String, ChecklistRecord> records, Content kb,
              WorkingCalendar calendar, LocalDate today, JsonObject ask) {
        this.project = project;
        this.matches = matches;
        this.records = records;
        this.kb = kb;
        this.calendar = calendar;
        this.today = today;
        this.ask = ask;
    }

    JsonObject toJson() {
        JsonArray stages = new JsonArray();
        JsonObject next = null;
        JsonObject firstOpen = null;
        int applicable = 0;
        int done = 0;
        for (ApprovalStage stage : ApprovalStage.values()) {
            JsonArray items = new JsonArray();
            for (ChecklistRules.Row row : ChecklistRules.ROWS) {
                if (row.stage() != stage) {
                    continue;
                }
                JsonObject item = item(row);
                items.add(item);
                if (!ChecklistState.NOT_APPLICABLE.name().equals(item.getString("state"))) {
                    applicable++;
                    if (ChecklistState.DONE.name().equals(item.getString("state"))) {
                        done++;
                    } else {
                        firstOpen = firstOpen == null ? item : firstOpen;
                        next = next == null && stage.ordinal() >= project.stage().ordinal() ? item : next;
                    }
                }
            }
            JsonArray scenarios = new JsonArray();
            ChecklistRules.SCENARIOS.stream().filter(s -> s.stage() == stage)
                    .forEach(s -> scenario(s.scenarioId()).ifPresent(scenarios::add));
            stages.add(new JsonObject().put("stage", stage.name()).put("label", stage.label())
                    .put("current", stage == project.stage()).put("past", stage.ordinal() < project.stage().ordinal())
                    .put("note", stage == ApprovalStage.PLANNING_PERMIT ? ChecklistRules.PLANNING_NOTE : null)
                    .put("items", items).put("scenarios", scenarios));
        }
        next = next == null ? firstOpen : next;
        return new JsonObject()
                .put("projectId", project.id()).put("projectName", project.name())
                .put("stage", project.stage().name()).put("stageLabel", project.stage().label())
                .put("obligationMode", project.obligation().mode().name())
                .put("obligationLabel", project.obligation().mode().label())
                .put("asOf", today.toString())
                .put("ask", ask)
                .put("stages", stages)
                .put("next", next == null ? null : next.copy())
                .put("summary", new JsonObject().put("applicable", applicable).put("done", done));
    }

    private JsonObject item(ChecklistRules.Row row) {
        Optional<Entry> entry = kb == null ? Optional.empty() : kb.entry(row.itemId()).filter(e -> e.item() != null);
        ServiceItem limits = entry.map(Entry::item).orElse(null);
        ChecklistRules.Verdict verdict = ChecklistRules.item(row, project, matches);
        ChecklistRecord record = records.get(row.itemId());
        ChecklistState state = !verdict.applies() ? ChecklistState.NOT_APPLICABLE
                : record != null && record.doneOn() != null ? ChecklistState.DONE
                : record != null && record.startedOn() != null ? ChecklistState.IN_PROGRESS
                : ChecklistState.NOT_STARTED;
        JsonObject out = new JsonObject()
                .put("itemId", row.itemId())
                .put("title", entry.map(Entry::title).orElse(row.fallbackTitle()))
                .put("stage", row.stage().name())
                .put("state", state.name()).put("stateLabel", state.label())
                .put("reason", verdict.reason()).put("note", verdict.note())
                .put("legalDays", limits == null ? null : limits.legalTimeLimitDays())
                .put("promisedDays", limits == null ? null : limits.promisedTimeLimitDays())
                .put("scenarios", new JsonArray(scenariosOf(row.itemId())))
                .put("ask", ask);
        if (record != null) {
            out.put("startedOn", date(record.startedOn())).put("doneOn", date(record.doneOn()))
                    .put("reference", record.reference()).put("recordedBy", record.byName());
        }
        if (state == ChecklistState.IN_PROGRESS || state == ChecklistState.NOT_STARTED) {
            deadline(row, record, limits, out);
        }
        return out;
    }

    private void deadline(ChecklistRules.Row row, ChecklistRecord record, ServiceItem limits, JsonObject out) {
        LocalDate deadline = null;
        String basis = null;
        ChecklistRecord acceptance = records.get("item-joint-acceptance");
        if (row.itemId().equals("item-completion-filing") && acceptance != null && acceptance.doneOn() != null) {
            deadline = acceptance.doneOn().plusDays(FILING_DAYS_AFTER_ACCEPTANCE);
            basis = "联合验收合格之日起 " + FILING_DAYS_AFTER_ACCEPTANCE + " 日内办理备案";
        } else if (record != null && record.startedOn() != null && limits != null) {
            Integer days = limits.promisedTimeLimitDays() != null ? limits.promisedTimeLimitDays() : limits.legalTimeLimitDays();
            if (days != null) {
                deadline = calendar.addWorkingDays(record.startedOn(), days);
                basis = (limits.promisedTimeLimitDays() != null ? "承诺时限 " : "法定时限 ") + days + " 个工作日（自申报日起）";
            }
        }
        if (deadline != null) {
            out.put("deadline", deadline.toString()).put("deadlineBasis", basis).put("overdue", today.isAfter(deadline));
        }
    }

    private Optional<JsonObject> scenario(String id) {
        Optional<ScenarioPackage> pkg = kb == null ? Optional.empty() : Scenarios.find(kb, id);
        if (pkg.isEmpty()) {
            return Optional.empty();
        }
        Scenario s = pkg.get().scenario();
        ChecklistRules.Verdict verdict = ChecklistRules.scenario(id, project, matches);
        List<String> items = new ArrayList<>();
        int doneItems = 0;
        int started = 0;
        for (ScenarioPackage.ItemRef ref : pkg.get().items()) {
            Optional<ChecklistRules.Row> row = ChecklistRules.row(ref.id());
            if (row.isEmpty() || !ChecklistRules.item(row.get(), project, matches).applies()) {
                continue;
            }
            items.add(ref.id());
            ChecklistRecord r = records.get(ref.id());
            doneItems += r != null && r.doneOn() != null ? 1 : 0;
            started += r != null && (r.startedOn() != null || r.doneOn() != null) ? 1 : 0;
        }
        ChecklistState state = !verdict.applies() ? ChecklistState.NOT_APPLICABLE
                : !items.isEmpty() && doneItems == items.size() ? ChecklistState.DONE
                : started > 0 ? ChecklistState.IN_PROGRESS : ChecklistState.NOT_STARTED;
        return Optional.of(new JsonObject().put("scenarioId", id).put("title", s.title())
                .put("state", state.name()).put("stateLabel", state.label())
                .put("reason", verdict.reason()).put("note", verdict.note())
                .put("items", new JsonArray(items)).put("href", "/api/v1/scenarios/" + id));
    }

    private List<String> scenariosOf(String itemId) {
        if (kb == null) {
            return List.of();
        }
        return kb.scenarios().stream().filter(s -> s.itemIds().contains(itemId)).map(Scenario::id).toList();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
