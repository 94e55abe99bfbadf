package cn.liaison.backend.proactive;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.config.ProactiveConfig;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 跨前服务, once a day (job {@code proactive}, under a lease): for every project, a task for its
 * liaison when it entered an approval stage in the last week, when an applied-for checklist item is
 * due within {@link ProactiveConfig#deadlineAheadDays()} working days, or when nobody has been in
 * touch (requests, site visits, contacts) for {@link ProactiveConfig#silenceDays()} days. Each task
 * says what to ask; its key is its trigger, so it is raised once. The enterprise gets at most one
 * check-in per task, sent only while the office has started fewer than the monthly limit of
 * contacts with it ({@link CheckIns}).
 */
final class ProactiveScan {

    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration STAGE_WINDOW = Duration.ofDays(7);
    static final int MAX_PROJECTS = 200_000;

    private final ProjectQueries projects;
    private final RequestQueries requests;
    private final ProactiveStore store;
    private final Future<KnowledgeBase> kb;
    private final WorkingCalendar calendar;
    private final CheckIns checkIns;
    private final ProactiveConfig config;
    private final Clock clock;

    ProactiveScan(ProjectQueries projects, RequestQueries requests, ProactiveStore store, Future<KnowledgeBase> kb,
                  WorkingCalendar calendar, CheckIns checkIns, ProactiveConfig config, Clock clock) {
        this.projects = projects;
        this.requests = requests;
        this.store = store;
        this.kb = kb;
        this.calendar = calendar;
        this.checkIns = checkIns;
        this.config = config;
        this.clock = clock;
    }

    /** One pass; the number of tasks raised. */
    Future<Integer> runOnce() {
        Instant now = clock.instant();
        JsonObject fields = new JsonObject().put("name", 1).put("enterpriseId", 1).put("liaisonId", 1).put("district", 1)
                .put("parkId", 1).put("stage", 1).put("stageHistory", 1).put("checklist", 1).put("createdAt", 1);
        return Future.all(projects.scan(fields, MAX_PROJECTS), requests.lastRequestByProject(), projects.lastVisits(),
                        store.lastContacts(), kb)
                .compose(all -> {
                    List<JsonObject> tasks = new ArrayList<>();
                    for (JsonObject p : all.<List<JsonObject>>resultAt(0)) {
                        tasks.addAll(triggers(p, all.resultAt(4), lastContact(p, all.resultAt(1), all.resultAt(2), all.resultAt(3)), now));
                    }
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (JsonObject task : tasks) {
                        chain = chain.compose(n -> checkIns.raise(task, now).map(raised -> raised ? n + 1 : n));
                    }
                    return chain;
                });
    }

    List<JsonObject> triggers(JsonObject p, KnowledgeBase base, Instant lastContact, Instant now) {
        List<JsonObject> out = new ArrayList<>();
        String id = p.getString("_id");
        JsonArray stages = p.getJsonArray("stageHistory", new JsonArray());
        if (!stages.isEmpty()) {
            JsonObject last = stages.getJsonObject(stages.size() - 1);
            Instant entered = MongoDocs.instant(last.getValue("at"));
            String stage = last.getString("to", p.getString("stage"));
            if (entered != null && stage != null && entered.isAfter(now.minus(STAGE_WINDOW))) {
                out.add(task("stage:" + id + ":" + stage, "STAGE", p, "项目进入「" + label(stage) + "」阶段",
                        ProactiveQuestions.forStage(stage), now));
            }
        }
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        for (Object o : p.getJsonArray("checklist", new JsonArray())) {
            JsonObject r = (JsonObject) o;
            if (r.getString("startedOn") == null || r.getString("doneOn") != null) {
                continue;
            }
            Optional<Entry> item = base.entry(r.getString("itemId")).filter(e -> e.item() != null);
            Integer days = item.map(e -> e.item().promisedTimeLimitDays() != null ? e.item().promisedTimeLimitDays()
                    : e.item().legalTimeLimitDays()).orElse(null);
            if (days == null) {
                continue;
            }
            LocalDate deadline = calendar.addWorkingDays(LocalDate.parse(r.getString("startedOn")), days);
            int left = calendar.workingDaysBetween(today, deadline);
            if (!deadline.isBefore(today) && left <= config.deadlineAheadDays()) {
                String title = item.get().title();
                out.add(task("deadline:" + id + ":" + r.getString("itemId") + ":" + r.getString("startedOn"), "DEADLINE", p,
                        "「" + title + "」将于 " + deadline + " 到期", ProactiveQuestions.forDeadline(title, deadline.toString()), now));
            }
        }
        if (lastContact != null && !lastContact.isAfter(now.minus(Duration.ofDays(config.silenceDays())))) {
            long silent = Duration.between(lastContact, now).toDays();
            out.add(task("silence:" + id + ":" + lastContact.atZone(WorkingCalendar.ZONE).toLocalDate(), "SILENCE", p,
                    "已有 " + silent + " 天无联系", ProactiveQuestions.forSilence((int) silent), now));
        }
        return out;
    }

    /** The latest of: the project's creation, its last request, site visit, or contact the office logged. */
    private static Instant lastContact(JsonObject p, Map<String, Instant> requests, Map<String, Instant> visits,
                                       Map<String, Instant> contacts) {
        Instant last = MongoDocs.instant(p.getValue("createdAt"));
        for (Map<String, Instant> source : List.of(requests, visits, contacts)) {
            Instant t = source.get(p.getString("_id"));
            last = last == null || t != null && t.isAfter(last) ? (t != null ? t : last) : last;
        }
        return last;
    }

    private static JsonObject task(String key, String kind, JsonObject p, String reason, List<String> ask, Instant now) {
        return new JsonObject().put("_id", key).put("kind", kind).put("projectId", p.getString("_id"))
                .put("projectName", p.getString("name")).put("enterpriseId", p.getString("enterpriseId"))
                .put("liaisonId", p.getString("liaisonId")).put("district", p.getString("district")).put("parkId", p.getString("parkId"))
                .put("reason", reason).put("ask", new JsonArray(ask)).put("status", "OPEN").put("createdAt", MongoDocs.date(now));
    }

    private static String label(String stage) {
        try {
            return cn.liaison.kb.scenario.ApprovalStage.valueOf(stage).label();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }
}
