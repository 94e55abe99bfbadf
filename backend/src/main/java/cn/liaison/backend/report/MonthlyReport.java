package cn.liaison.backend.report;

import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.Places;
import cn.liaison.backend.org.UnitLevel;
import cn.liaison.backend.platform.work.ReportWork;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.backend.request.RequestStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 每月汇总: per district and park, for one calendar month in Beijing time. Counts by channel, type,
 * category and status, ratings, site visits come from the owners' query ports (aggregations there);
 * the time-limit figures (signed and completed on time, working days to complete, overdue) need the
 * working-day calendar, so they are computed here from one bounded query of the month's requests.
 */
public final class MonthlyReport {

    /** A month with more requests than this is reported as truncated rather than read without bound. */
    static final int MAX_TIMED = 50_000;

    private final RequestQueries requests;
    private final ProjectQueries projects;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ReportWork work;

    public MonthlyReport(RequestQueries requests, ProjectQueries projects, WorkingCalendar calendar, Clock clock,
            ReportWork work) {
        this.requests = requests;
        this.projects = projects;
        this.calendar = calendar;
        this.clock = clock;
        this.work = work;
    }

    /**
     * @param units the districts and parks to report on (parents before children); all when {@code everything}
     */
    public Future<JsonObject> compute(YearMonth month, List<Unit> units, boolean everything) {
        Instant from = month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Rows rows = new Rows(units, everything);
        JsonObject categoryTitles = new JsonObject();
        Places scope = rows.places();
        Future<Void> received = placed(requests.countReceived(scope, from, to))
                .map(groups -> {
                    groups.forEach(g -> {
                        JsonObject k = g.getJsonObject("_id");
                        if (k.getString("category") != null && k.getString("categoryTitle") != null) {
                            categoryTitles.put(k.getString("category"), k.getString("categoryTitle"));
                        }
                    });
                    groups.forEach(g -> rows.of(g).forEach(r -> {
                        long n = g.getLong("n");
                        JsonObject k = g.getJsonObject("_id");
                        r.received += n;
                        ReportRow.add(r.byChannel, k.getString("channel"), n);
                        ReportRow.add(r.byType, k.getString("type"), n);
                        ReportRow.add(r.byCategory, k.getString("category"), n);
                    }));
                    return null;
                });
        Future<Void> ratings = placed(requests.countRatings(scope, from, to))
                .map(groups -> {
                    groups.forEach(g -> rows.of(g).forEach(r -> ReportRow.add(r.ratings,
                            g.getJsonObject("_id").getString("level"), g.getLong("n"))));
                    return null;
                });
        Future<Void> visits = placed(projects.countVisits(scope, from, to))
                .map(groups -> {
                    groups.forEach(g -> rows.of(g).forEach(r -> r.siteVisits += g.getLong("n")));
                    return null;
                });
        Future<List<JsonObject>> timed = requests.timedIn(scope, from, to, MAX_TIMED);
        Future<Void> policies = policyMatches(scope, month, rows);
        Future<JsonObject> approvals = new ApprovalTimes(projects, calendar, work).compute(scope, month);
        return Future.all(received, ratings, visits, timed, policies, approvals)
                .compose(done -> majorProjects(scope, from, to, timed.result(), rows))
                // Up to MAX_TIMED requests through the working-day calendar: on the reports pool, not the event loop.
                .compose(done -> work.compute(() -> {
                    Instant asOf = clock.instant().isBefore(to) ? clock.instant() : to;
                    timed.result().forEach(doc -> rows.of(doc).forEach(r -> time(r, doc, from, to, asOf)));
                    JsonArray out = new JsonArray();
                    rows.all().forEach(r -> out.add(r.toJson()));
                    return new JsonObject()
                            .put("month", month.toString())
                            .put("from", cn.liaison.backend.platform.store.MongoDocs.apiTime(from))
                            .put("to", cn.liaison.backend.platform.store.MongoDocs.apiTime(to))
                            .put("asOf", cn.liaison.backend.platform.store.MongoDocs.apiTime(asOf))
                            .put("rows", out)
                            .put("total", rows.total.toJson())
                            .put("approvalTimes", approvals.result())
                            .put("categoryTitles", categoryTitles)
                            .put("people", Performers.compute(timed.result(), unitNames(units), calendar, from, to))
                            .put("truncated", timed.result().size() >= MAX_TIMED);
                }));
    }

    /** Signed for on time, completed on time, working days to complete, overdue, escalated, rework: per request. */
    private void time(ReportRow r, JsonObject doc, Instant from, Instant to, Instant asOf) {
        Instant created = instant(doc.getValue("createdAt"));
        Instant accepted = instant(doc.getValue("acceptedAt"));
        Instant signBy = instant(doc.getValue("signDeadline"));
        Instant responded = instant(doc.getValue("respondedAt"));
        Instant due = instant(doc.getValue("dueAt"));
        boolean receivedNow = in(created, from, to);
        if (receivedNow && accepted != null) {
            r.signedFor++;
            if (signBy == null || !accepted.isAfter(signBy)) {
                r.signedOnTime++;
            }
        }
        if (in(responded, from, to)) {
            r.completed++;
            if (due == null || !responded.isAfter(due)) {
                r.completedOnTime++;
            }
            r.workingDaysTotal += calendar.workingTimeBetween(created, responded).toMinutes()
                    / (double) calendar.officeHours().minutesPerDay();
        }
        if (receivedNow && due != null && (responded != null ? responded.isAfter(due) : due.isBefore(asOf)
                && open(doc.getString("status")))) {
            r.overdue++;
        }
        JsonObject escalation = doc.getJsonObject("escalation");
        if (escalation != null && in(instant(escalation.getValue("at")), from, to)) {
            r.escalated++;
        }
        JsonObject rework = doc.getJsonObject("rework");
        if (rework != null && in(instant(rework.getValue("at")), from, to)) {
            r.reworkOpened++;
            if (!RequestStatus.REWORK.name().equals(doc.getString("status"))) {
                r.rectified++;
            }
        }
        long urged = doc.getJsonArray("urgedAt", new JsonArray()).stream().filter(at -> in(instant(at), from, to)).count();
        r.urges += urged;
        r.urgedRequests += urged > 0 ? 1 : 0;
    }

    /** Policy matches applied this month, by the project's place (matchedAt is a YYYY-MM-DD string). */
    private Future<Void> policyMatches(Places scope, YearMonth month, Rows rows) {
        return projects.withPolicyMatchesIn(scope, month)
                .map(docs -> {
                    for (JsonObject doc : docs) {
                        long n = doc.getJsonArray("policyMatches", new JsonArray()).stream().map(JsonObject.class::cast)
                                .filter(m -> m.getBoolean("applied", false) && m.getString("matchedAt", "").startsWith(month.toString()))
                                .count();
                        rows.of(doc).forEach(r -> r.policyMatchesApplied += n);
                    }
                    return null;
                });
    }

    /** Major projects with a request received or a site visit this month. */
    private Future<Void> majorProjects(Places scope, Instant from, Instant to, List<JsonObject> timed, Rows rows) {
        Set<String> ids = timed.stream().filter(d -> in(instant(d.getValue("createdAt")), from, to))
                .map(d -> d.getString("projectId")).filter(id -> id != null).collect(Collectors.toSet());
        return projects.visitedProjects(scope, from, to)
                .compose(visited -> {
                    ids.addAll(visited);
                    return projects.majorAmong(ids);
                })
                .map(major -> {
                    major.forEach(p -> rows.of(p).forEach(r -> r.majorProjectsServed.add(p.getString("_id"))));
                    return null;
                });
    }

    private static Map<String, String> unitNames(List<Unit> units) {
        Map<String, String> names = new LinkedHashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    /** Each group's district and park copied up from its key, so {@link Rows#of} places it. */
    private static Future<List<JsonObject>> placed(Future<List<JsonObject>> groups) {
        return groups.map(list -> {
            list.forEach(g -> g.put("district", g.getJsonObject("_id").getString("district"))
                    .put("parkId", g.getJsonObject("_id").getString("parkId")));
            return list;
        });
    }

    private static boolean open(String status) {
        // a status no constant names (a document of another version) counts as open: it may still need someone
        return status == null || java.util.Arrays.stream(RequestStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().map(RequestStatus::isOpen).orElse(true);
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }

    /** The rows of a report and which rows a document (by its district and park) counts in. */
    private static final class Rows {
        private final Map<String, ReportRow> byUnit = new LinkedHashMap<>();
        private final boolean everything;
        final ReportRow total;
        private ReportRow unplaced;

        Rows(List<Unit> units, boolean everything) {
            this.everything = everything;
            for (Unit u : units) {
                if (u.level() != UnitLevel.CITY) {
                    byUnit.put(u.id(), new ReportRow(u.id(), u.name(), u.level().name(), u.parentId()));
                }
            }
            total = new ReportRow(null, everything ? "全市合计" : "合计", "TOTAL", null);
        }

        Places places() {
            return everything ? Places.all() : new Places(false, List.copyOf(byUnit.keySet()));
        }

        List<ReportRow> of(JsonObject doc) {
            List<ReportRow> out = new ArrayList<>(3);
            ReportRow district = byUnit.get(doc.getString("district"));
            ReportRow park = doc.getString("parkId") == null ? null : byUnit.get(doc.getString("parkId"));
            if (district != null) {
                out.add(district);
            }
            if (park != null) {
                out.add(park);
            }
            if (district == null && park == null && everything) {
                if (unplaced == null) {
                    unplaced = new ReportRow(null, "未定区", "UNPLACED", null);
                }
                out.add(unplaced);
            }
            if (!out.isEmpty() || everything) {
                out.add(total);
            }
            return out;
        }

        List<ReportRow> all() {
            List<ReportRow> out = new ArrayList<>(byUnit.values());
            if (unplaced != null) {
                out.add(unplaced);
            }
            return out;
        }
    }
}
