package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Places;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitLevel;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 提速 (speed against promises) for one month: for every service item its legal and promised time
 * limits, the office's target ({@link SpeedTargets}), and what was measured — working days from
 * application to done on the projects' checklists (approvals), and from receipt to response for
 * requests about the item — as median, p90 and the share within target, city-wide (or the
 * caller's area) and per district and park. Each source is read once, with only the fields needed,
 * at most {@link MonthlyReport#MAX_TIMED} documents.
 */
final class SpeedSection {

    private final RequestQueries requests;
    private final ProjectQueries projects;
    private final WorkingCalendar calendar;
    private final Future<KnowledgeBase> kb;

    SpeedSection(RequestQueries requests, ProjectQueries projects, WorkingCalendar calendar, Future<KnowledgeBase> kb) {
        this.requests = requests;
        this.projects = projects;
        this.calendar = calendar;
        this.kb = kb;
    }

    /** @param scope the report's district/park filter (empty: everything); units the report's rows */
    Future<JsonObject> compute(YearMonth month, Places scope, List<Unit> units) {
        Instant from = month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Future<List<JsonObject>> projects = this.projects.withChecklistDoneIn(scope, month);
        Future<List<JsonObject>> requests = this.requests.itemAnswersIn(scope, from, to, MonthlyReport.MAX_TIMED);
        return Future.all(kb, projects, requests).map(all -> {
            KnowledgeBase base = all.resultAt(0);
            Map<String, Entry> items = new LinkedHashMap<>();
            Map<String, String> itemOfTopic = new HashMap<>();
            for (Entry e : base.content().entries()) {
                if (e.kind() == Kind.ITEM && e.item() != null) {
                    items.put(e.id(), e);
                    e.topics().forEach(t -> itemOfTopic.putIfAbsent(t, e.id()));
                }
            }
            Map<String, Samples> approvals = new HashMap<>();
            Map<String, Samples> answers = new HashMap<>();
            for (JsonObject p : all.<List<JsonObject>>resultAt(1)) {
                for (Object o : p.getJsonArray("checklist", new JsonArray())) {
                    JsonObject r = (JsonObject) o;
                    String doneOn = r.getString("doneOn");
                    if (doneOn != null && r.getString("startedOn") != null && doneOn.startsWith(month.toString())) {
                        double days = calendar.workingDaysBetween(LocalDate.parse(r.getString("startedOn")), LocalDate.parse(doneOn));
                        approvals.computeIfAbsent(r.getString("itemId"), k -> new Samples()).add(p, days);
                    }
                }
            }
            double perDay = calendar.officeHours().minutesPerDay();
            for (JsonObject r : all.<List<JsonObject>>resultAt(2)) {
                String item = itemOfTopic.get(r.getString("category"));
                Instant created = MongoDocs.instant(r.getValue("createdAt"));
                Instant answered = MongoDocs.instant(r.getValue("respondedAt"));
                if (item != null && created != null && answered != null) {
                    answers.computeIfAbsent(item, k -> new Samples())
                            .add(r, calendar.workingTimeBetween(created, answered).toMinutes() / perDay);
                }
            }
            JsonArray out = new JsonArray();
            for (Entry e : items.values()) {
                SpeedTargets.Target target = SpeedTargets.of(e.id(), e.item());
                out.add(new JsonObject().put("itemId", e.id()).put("title", e.title())
                        .put("legalDays", e.item().legalTimeLimitDays()).put("promisedDays", e.item().promisedTimeLimitDays())
                        .put("targetDays", target.days()).put("targetBasis", target.basis())
                        .put("approvals", approvals.getOrDefault(e.id(), new Samples()).toJson(target.days(), units))
                        .put("answers", answers.getOrDefault(e.id(), new Samples()).toJson(target.days(), units)));
            }
            return new JsonObject().put("unit", "working-days").put("items", out);
        });
    }

    /** Measured durations, all together and by district and park. */
    private static final class Samples {
        private final List<Double> all = new ArrayList<>();
        private final Map<String, List<Double>> byUnit = new HashMap<>();

        void add(JsonObject doc, double days) {
            all.add(days);
            for (String unit : new String[] {doc.getString("district"), doc.getString("parkId")}) {
                if (unit != null) {
                    byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(days);
                }
            }
        }

        JsonObject toJson(Integer target, List<Unit> units) {
            JsonArray rows = new JsonArray();
            for (Unit u : units) {
                List<Double> mine = byUnit.get(u.id());
                if (u.level() != UnitLevel.CITY && mine != null) {
                    rows.add(figures(mine, target).put("unitId", u.id()).put("unitName", u.name()));
                }
            }
            return figures(all, target).put("byUnit", rows);
        }

        private static JsonObject figures(List<Double> values, Integer target) {
            List<Double> sorted = values.stream().sorted().toList();
            long within = target == null ? 0 : sorted.stream().filter(d -> d <= target + 1e-9).count();
            return new JsonObject().put("count", sorted.size())
                    .put("median", percentile(sorted, 0.5)).put("p90", percentile(sorted, 0.9))
                    .put("withinTarget", target == null ? null : within)
                    .put("shareWithinTarget", target == null || sorted.isEmpty() ? null : Math.round(within * 1000.0 / sorted.size()) / 1000.0);
        }

        /** Nearest-rank percentile, one decimal; null for no data. */
        private static Double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(p * sorted.size());
            return Math.round(sorted.get(Math.max(0, rank - 1)) * 10.0) / 10.0;
        }
    }
}
