package cn.liaison.backend.report;

import cn.liaison.bots.domain.RatingLevel;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one district or park (or the total) for one month, accumulated as documents are read. */
final class ReportRow {


    final String unitId;
    final String unitName;
    final String level;
    final String parentId;
    long received;
    final Map<String, Long> byChannel = new TreeMap<>();
    final Map<String, Long> byType = new TreeMap<>();
    final Map<String, Long> byCategory = new TreeMap<>();
    final Map<String, Long> answeredByChannel = new TreeMap<>();
    long signedFor;
    long signedOnTime;
    long completed;
    long completedOnTime;
    double workingDaysTotal;
    long overdue;
    long escalated;
    final Map<String, Long> ratings = new TreeMap<>();
    long reworkOpened;
    long rectified;
    /** 催办: urges the enterprises made this month, and how many requests they were on. */
    long urges;
    long urgedRequests;
    long policyMatchesApplied;
    long siteVisits;
    final java.util.Set<String> majorProjectsServed = new java.util.TreeSet<>();

    ReportRow(String unitId, String unitName, String level, String parentId) {
        this.unitId = unitId;
        this.unitName = unitName;
        this.level = level;
        this.parentId = parentId;
        for (RatingLevel l : RatingLevel.values()) {
            ratings.put(l.name(), 0L);
        }
    }

    static void add(Map<String, Long> map, String key, long n) {
        map.merge(key == null ? "UNKNOWN" : key, n, Long::sum);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    JsonObject toJson() {
        long rated = ratings.values().stream().mapToLong(Long::longValue).sum();
        long satisfied = 0;
        long bad = 0;
        for (RatingLevel l : RatingLevel.values()) {
            if (l.isBad()) {
                bad += ratings.getOrDefault(l.name(), 0L);
            } else {
                satisfied += ratings.getOrDefault(l.name(), 0L);
            }
        }
        JsonObject direct = new JsonObject();
        for (String channel : new String[] {"MINIPROGRAM", "HOTLINE"}) {
            long in = byChannel.getOrDefault(channel, 0L);
            long answered = answeredByChannel.getOrDefault(channel, 0L);
            direct.put(channel, new JsonObject().put("received", in).put("answered", answered).put("rate", rate(answered, in)));
        }
        return new JsonObject()
                .put("unitId", unitId)
                .put("unitName", unitName)
                .put("level", level)
                .put("parentId", parentId)
                .put("received", received)
                .put("byChannel", new JsonObject(new TreeMap<>(byChannel)))
                .put("byType", new JsonObject(new TreeMap<>(byType)))
                .put("byCategory", new JsonObject(new TreeMap<>(byCategory)))
                .put("signedFor", signedFor)
                .put("signedOnTime", signedOnTime)
                .put("signOnTimeRate", rate(signedOnTime, signedFor))
                .put("completed", completed)
                .put("completedOnTime", completedOnTime)
                .put("onTimeRate", rate(completedOnTime, completed))
                .put("avgWorkingDaysToComplete", completed == 0 ? null : Math.round(workingDaysTotal * 100.0 / completed) / 100.0)
                .put("overdue", overdue)
                .put("escalated", escalated)
                .put("ratings", new JsonObject(new TreeMap<>(ratings)))
                .put("rated", rated)
                .put("satisfactionRate", rate(satisfied, rated))
                .put("badRatings", bad)
                .put("reworkOpened", reworkOpened)
                .put("rectified", rectified)
                .put("urges", urges)
                .put("urgedRequests", urgedRequests)
                .put("directAnswer", direct)
                .put("policyMatchesApplied", policyMatchesApplied)
                .put("siteVisits", siteVisits)
                .put("majorProjectsServed", majorProjectsServed.size());
    }
}
