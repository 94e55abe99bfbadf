package cn.liaison.backend.project;

import static cn.liaison.backend.platform.store.MongoDocs.date;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 现场服务: liaisons log visits to a project (date, people met, problems found); each follow-up
 * given becomes a request on the project through the request loop, and the visit keeps their ids.
 */
final class SiteVisits {

    private static final int MAX_ITEMS = 20;
    private static final int MAX_TEXT = 500;

    private final ProjectService projects;
    private final ProjectStore store;
    private final FollowUpRequests followUps;
    private final Clock clock;

    SiteVisits(ProjectService projects, ProjectStore store, FollowUpRequests followUps, Clock clock) {
        this.projects = projects;
        this.store = store;
        this.followUps = followUps;
        this.clock = clock;
    }

    Future<JsonObject> log(String projectId, JsonObject body, Principal who) {
        Instant now = clock.instant();
        LocalDate day = day(body.getString("date"), now);
        List<String> peopleMet = texts(body.getJsonArray("peopleMet"), "peopleMet");
        List<String> problems = texts(body.getJsonArray("problems"), "problems");
        if (peopleMet.isEmpty()) {
            throw new ProjectRuleViolation("peopleMet", "请填写见到的人员");
        }
        return Future.all(projects.visible(projectId, who), projects.scopeOf(who)).compose(all -> {
            JsonObject doc = all.resultAt(0);
            ProjectScope scope = all.resultAt(1);
            Project p = ProjectDocuments.project(doc);
            if (!scope.isStaffFor(p)) {
                throw new ProjectAccessDenied("只有负责该项目的工作人员可以登记现场服务", List.of());
            }
            return openFollowUps(p, body.getJsonArray("followUps", new JsonArray()), who).compose(opened -> {
                JsonObject visit = new JsonObject()
                        .put("_id", UUID.randomUUID().toString())
                        .put("projectId", p.id())
                        .put("projectName", p.name())
                        .put("projectKind", p.kind().name())
                        .put("major", p.kind().isMajor())
                        .put("enterpriseId", p.enterpriseId())
                        .put("district", p.districtUnitId())
                        .put("parkId", p.parkId())
                        .put("date", day.toString())
                        .put("visitedAt", date(day.atStartOfDay(MongoDocs.ZONE).toInstant()))
                        .put("staffId", who.userId())
                        .put("staffName", who.name())
                        .put("peopleMet", new JsonArray(peopleMet))
                        .put("problems", new JsonArray(problems))
                        .put("notes", body.getString("notes"))
                        .put("followUpRequests", opened)
                        .put("createdAt", date(now));
                return store.insertVisit(visit);
            });
        }).map(SiteVisits::toApi);
    }

    /**
     * The visit, when the person may see its project (404 otherwise); with {@code toChange}, only
     * the staff responsible for the project pass (403 for others who see it).
     */
    Future<JsonObject> visit(String projectId, String visitId, Principal who, boolean toChange) {
        return Future.all(projects.visible(projectId, who), projects.scopeOf(who), store.visit(visitId)).map(all -> {
            Project p = ProjectDocuments.project(all.resultAt(0));
            ProjectScope scope = all.resultAt(1);
            java.util.Optional<JsonObject> visit = all.resultAt(2);
            JsonObject found = visit.filter(v -> p.id().equals(v.getString("projectId")))
                    .orElseThrow(() -> new ProjectNotFound("现场服务记录不存在"));
            if (toChange && !scope.isStaffFor(p)) {
                throw new ProjectAccessDenied("只有负责该项目的工作人员可以为现场服务添加附件", List.of());
            }
            return toApi(found);
        });
    }

    Future<JsonObject> list(String projectId, Principal who) {
        return projects.visible(projectId, who)
                .compose(doc -> store.visits(projectId, 200))
                .map(visits -> {
                    JsonArray items = new JsonArray();
                    visits.forEach(v -> items.add(toApi(v)));
                    return new JsonObject().put("items", items);
                });
    }

    private Future<JsonArray> openFollowUps(Project p, JsonArray items, Principal who) {
        if (items.size() > 10) {
            return Future.failedFuture(new ProjectRuleViolation("followUps", "一次最多登记 10 项后续诉求"));
        }
        Future<JsonArray> chain = Future.succeededFuture(new JsonArray());
        for (Object item : items) {
            JsonObject f = (JsonObject) item;
            chain = chain.compose(done -> followUps.open(p.id(), f.getString("type"), f.getString("content"), who)
                    .map(opened -> done.add(new JsonObject().put("id", opened.id()).put("number", opened.number()))));
        }
        return chain;
    }

    private static LocalDate day(String text, Instant now) {
        LocalDate today = now.atZone(MongoDocs.ZONE).toLocalDate();
        if (text == null) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.isAfter(today)) {
                throw new ProjectRuleViolation("date", "走访日期不能晚于今天");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new ProjectRuleViolation("date", "日期格式应为 YYYY-MM-DD");
        }
    }

    private static List<String> texts(JsonArray array, String field) {
        List<String> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        if (array.size() > MAX_ITEMS) {
            throw new ProjectRuleViolation(field, "最多 " + MAX_ITEMS + " 项");
        }
        for (Object item : array) {
            String text = String.valueOf(item).strip();
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw new ProjectRuleViolation(field, "每项不能为空，且不超过 " + MAX_TEXT + " 字");
            }
            out.add(text);
        }
        return out;
    }

    static JsonObject toApi(JsonObject v) {
        JsonObject out = new JsonObject()
                .put("id", v.getString("_id"))
                .put("projectId", v.getString("projectId"))
                .put("date", v.getString("date"))
                .put("staffId", v.getString("staffId"))
                .put("staffName", v.getString("staffName"))
                .put("peopleMet", v.getJsonArray("peopleMet"))
                .put("problems", v.getJsonArray("problems"))
                .put("followUpRequests", v.getJsonArray("followUpRequests", new JsonArray()))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(v.getValue("createdAt"))));
        if (v.getString("notes") != null) {
            out.put("notes", v.getString("notes"));
        }
        return out;
    }
}
