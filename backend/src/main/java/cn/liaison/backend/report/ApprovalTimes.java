package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Places;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.kb.scenario.ApprovalStage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Average approval time (审批用时) of the 人防 items finished in a month, per item and per stage: the
 * working days from the application date (申报) to the date it was done (办结), as recorded on the
 * projects' checklists. Items marked done without an application date are counted apart.
 */
final class ApprovalTimes {
    private final ProjectQueries projects;
    private final WorkingCalendar calendar;

    ApprovalTimes(ProjectQueries projects, WorkingCalendar calendar) {
        this.projects = projects;
        this.calendar = calendar;
    }

    /** @param scope the report's districts and parks */
    Future<JsonObject> compute(Places scope, YearMonth month) {
        return projects.withChecklistDoneIn(scope, month)
                .map(projects -> {
                    Map<String, Tally> byItem = new LinkedHashMap<>();
                    Map<String, Tally> byStage = new LinkedHashMap<>();
                    for (ApprovalStage stage : ApprovalStage.values()) {
                        byStage.put(stage.name(), new Tally(stage.name(), stage.label()));
                    }
                    for (JsonObject project : projects) {
                        for (Object o : project.getJsonArray("checklist", new JsonArray())) {
                            JsonObject r = (JsonObject) o;
                            String doneOn = r.getString("doneOn");
                            if (doneOn == null || !doneOn.startsWith(month.toString())) {
                                continue;
                            }
                            Integer days = r.getString("startedOn") == null ? null
                                    : calendar.workingDaysBetween(LocalDate.parse(r.getString("startedOn")), LocalDate.parse(doneOn));
                            byItem.computeIfAbsent(r.getString("itemId"), id -> new Tally(id, r.getString("title", id))).add(days);
                            Tally stage = byStage.get(r.getString("stage"));
                            if (stage != null) {
                                stage.add(days);
                            }
                        }
                    }
                    JsonArray items = new JsonArray();
                    byItem.values().forEach(t -> items.add(t.toJson("itemId")));
                    JsonArray stages = new JsonArray();
                    byStage.values().forEach(t -> stages.add(t.toJson("stage")));
                    return new JsonObject().put("unit", "working-days").put("byItem", items).put("byStage", stages);
                });
    }

    /** How many were done, and the working days of those with an application date. */
    private static final class Tally {
        private final String id;
        private final String label;
        private int done;
        private int timed;
        private long totalDays;
        private int maxDays;

        Tally(String id, String label) {
            this.id = id;
            this.label = label;
        }

        void add(Integer days) {
            done++;
            if (days != null) {
                timed++;
                totalDays += days;
                maxDays = Math.max(maxDays, days);
            }
        }

        JsonObject toJson(String idField) {
            return new JsonObject().put(idField, id).put("label", label).put("done", done).put("timed", timed)
                    .put("averageWorkingDays", timed == 0 ? null : Math.round(totalDays * 10.0 / timed) / 10.0)
                    .put("maxWorkingDays", timed == 0 ? null : maxDays);
        }
    }
}
