package cn.liaison.backend.report;

import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitLevel;
import cn.liaison.backend.plan.PlanFigures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一企一策 in the monthly summary, per district and park and in total: plans opened, closed and
 * running, steps done (and late), steps overdue, accompanied visits, ratings, bad ratings that
 * reopened a plan. Figures come from the plan feature's query port.
 */
final class PlanSection {

    private final PlanFigures plans;

    PlanSection(PlanFigures plans) {
        this.plans = plans;
    }

    Future<JsonObject> compute(Instant from, Instant to, Instant asOf, List<Unit> units, boolean everything) {
        Map<String, Tally> rows = new LinkedHashMap<>();
        for (Unit u : units) {
            if (u.level() != UnitLevel.CITY) {
                rows.put(u.id(), new Tally(u.id(), u.name()));
            }
        }
        Tally total = new Tally(null, everything ? "全市合计" : "合计");
        List<String> filter = everything ? null : List.copyOf(rows.keySet());
        return plans.between(from, to, asOf, filter).map(facts -> {
            for (PlanFigures.Fact f : facts) {
                total.add(f);
                if (f.district() != null && rows.containsKey(f.district())) {
                    rows.get(f.district()).add(f);
                }
                if (f.parkId() != null && rows.containsKey(f.parkId())) {
                    rows.get(f.parkId()).add(f);
                }
            }
            JsonArray out = new JsonArray();
            rows.values().forEach(t -> out.add(t.toJson()));
            return new JsonObject().put("rows", out).put("total", total.toJson()).put("truncated", facts.size() >= PlanFigures.MAX);
        });
    }

    private static final class Tally {
        private final String unitId;
        private final String unitName;
        private long opened;
        private long closed;
        private long running;
        private long forMajorProjects;
        private long stepsDone;
        private long stepsDoneLate;
        private long stepsOverdue;
        private long visits;
        private long rated;
        private long satisfied;
        private long reopened;

        Tally(String unitId, String unitName) {
            this.unitId = unitId;
            this.unitName = unitName;
        }

        void add(PlanFigures.Fact f) {
            opened += f.opened() ? 1 : 0;
            closed += f.closed() ? 1 : 0;
            running += f.open() ? 1 : 0;
            forMajorProjects += f.major() ? 1 : 0;
            stepsDone += f.stepsDone();
            stepsDoneLate += f.stepsDoneLate();
            stepsOverdue += f.stepsOverdue();
            visits += f.visits();
            if (f.rating() != null) {
                rated++;
                satisfied += java.util.Arrays.stream(cn.liaison.bots.domain.RatingLevel.values())
                        .anyMatch(l -> l.name().equals(f.rating()) && !l.isBad()) ? 1 : 0;
            }
            reopened += f.reopened() ? 1 : 0;
        }

        JsonObject toJson() {
            return new JsonObject().put("unitId", unitId).put("unitName", unitName).put("opened", opened).put("closed", closed)
                    .put("running", running).put("forProjects", forMajorProjects).put("stepsDone", stepsDone)
                    .put("stepsDoneLate", stepsDoneLate).put("stepsOverdue", stepsOverdue).put("visits", visits)
                    .put("rated", rated).put("satisfied", satisfied)
                    .put("satisfactionRate", rated == 0 ? null : Math.round(satisfied * 1000.0 / rated) / 1000.0)
                    .put("reopened", reopened);
        }
    }
}
