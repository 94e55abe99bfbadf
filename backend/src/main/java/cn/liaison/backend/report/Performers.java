package cn.liaison.backend.report;

import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.bots.domain.RatingLevel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 谁在办: the month's figures per liaison and per handling unit, from the same bounded read of the
 * month's requests as the unit rows (so a unit head sees the people of the unit tree, the city all):
 * on-time sign-for and completion rates, 满意率, average and p90 working days to complete, urges
 * (催办: the times in the request's {@code urgedAt} list that fall in the month, as the unit rows count them) and
 * rework opened.
 */
final class Performers {

    /** 满意: any level that is not a bad rating (差评). */
    private static boolean satisfied(String level) {
        try {
            return !RatingLevel.valueOf(level).isBad();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return false;
        }
    }

    /** One person's or unit's tally. */
    private static final class Tally {
        final String id;
        final String name;
        long received;
        long signedFor;
        long signedOnTime;
        long completed;
        long completedOnTime;
        long rated;
        long satisfied;
        long urges;
        long rework;
        final List<Double> days = new ArrayList<>();

        Tally(String id, String name) {
            this.id = id;
            this.name = name;
        }

        JsonObject toJson() {
            List<Double> sorted = new ArrayList<>(days);
            Collections.sort(sorted);
            Double avg = sorted.isEmpty() ? null : round(sorted.stream().mapToDouble(Double::doubleValue).sum() / sorted.size());
            Double p90 = sorted.isEmpty() ? null : round(sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1));
            return new JsonObject().put("id", id).put("name", name).put("received", received)
                    .put("signedFor", signedFor).put("signOnTimeRate", rate(signedOnTime, signedFor))
                    .put("completed", completed).put("onTimeRate", rate(completedOnTime, completed))
                    .put("rated", rated).put("satisfactionRate", rate(satisfied, rated))
                    .put("avgWorkingDays", avg).put("p90WorkingDays", p90).put("urges", urges).put("rework", rework);
        }
    }

    private Performers() {
    }

    static JsonObject compute(List<JsonObject> docs, Map<String, String> unitNames, WorkingCalendar calendar,
                              Instant from, Instant to) {
        Map<String, Tally> liaisons = new LinkedHashMap<>();
        Map<String, Tally> units = new LinkedHashMap<>();
        for (JsonObject doc : docs) {
            String liaisonId = doc.getString("liaisonId");
            String unitId = doc.getString("unitId");
            List<Tally> tallies = new ArrayList<>(2);
            if (liaisonId != null) {
                tallies.add(liaisons.computeIfAbsent(liaisonId, id -> new Tally(id, doc.getString("liaisonName", "（未具名）"))));
            }
            if (unitId != null) {
                tallies.add(units.computeIfAbsent(unitId, id -> new Tally(id, unitNames.getOrDefault(id, "其他单位"))));
            }
            if (!tallies.isEmpty()) {
                count(doc, tallies, calendar, from, to);
            }
        }
        return new JsonObject().put("liaisons", sorted(liaisons)).put("handlingUnits", sorted(units));
    }

    private static void count(JsonObject doc, List<Tally> tallies, WorkingCalendar calendar, Instant from, Instant to) {
        Instant created = instant(doc.getValue("createdAt"));
        Instant accepted = instant(doc.getValue("acceptedAt"));
        Instant signBy = instant(doc.getValue("signDeadline"));
        Instant responded = instant(doc.getValue("respondedAt"));
        Instant due = instant(doc.getValue("dueAt"));
        JsonObject rating = doc.getJsonObject("rating");
        JsonObject rework = doc.getJsonObject("rework");
        boolean receivedNow = in(created, from, to);
        boolean respondedNow = in(responded, from, to);
        double days = respondedNow ? calendar.workingTimeBetween(created, responded).toMinutes()
                / (double) calendar.officeHours().minutesPerDay() : 0;
        boolean ratedNow = rating != null && in(instant(rating.getValue("at")), from, to);
        long urges = urges(doc, from, to);
        for (Tally t : tallies) {
            t.urges += urges;
            if (receivedNow) {
                t.received++;
                if (accepted != null) {
                    t.signedFor++;
                    t.signedOnTime += signBy == null || !accepted.isAfter(signBy) ? 1 : 0;
                }
            }
            if (respondedNow) {
                t.completed++;
                t.completedOnTime += due == null || !responded.isAfter(due) ? 1 : 0;
                t.days.add(days);
            }
            if (ratedNow) {
                t.rated++;
                t.satisfied += satisfied(rating.getString("level")) ? 1 : 0;
            }
            if (rework != null && in(instant(rework.getValue("at")), from, to)) {
                t.rework++;
            }
        }
    }

    /** Urges (催办) made this month: the desk keeps every urge's time in {@code urgedAt}. */
    static long urges(JsonObject doc, Instant from, Instant to) {
        return doc.getJsonArray("urgedAt", new JsonArray()).stream().filter(at -> in(instant(at), from, to)).count();
    }

    private static JsonArray sorted(Map<String, Tally> tallies) {
        JsonArray out = new JsonArray();
        tallies.values().stream().sorted(Comparator.comparingLong((Tally t) -> -t.received).thenComparing(t -> t.name))
                .forEach(t -> out.add(t.toJson()));
        return out;
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
