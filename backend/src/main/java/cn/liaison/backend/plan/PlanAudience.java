package cn.liaison.backend.plan;

import cn.liaison.backend.project.EnterpriseUsers;
import cn.liaison.backend.request.Supervisors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Who hears about a plan: the enterprise's users, the plan's team, the unit heads over its area, the city admins. */
final class PlanAudience {

    /** The people concerned by one plan, looked up before a change is applied. */
    record Of(List<String> enterprise, List<String> team, List<String> heads, List<String> city) {
    }

    private final EnterpriseUsers enterpriseUsers;
    private final Supervisors supervisors;

    PlanAudience(EnterpriseUsers enterpriseUsers, Supervisors supervisors) {
        this.enterpriseUsers = enterpriseUsers;
        this.supervisors = supervisors;
    }

    Future<Of> of(JsonObject plan) {
        String unit = plan.getString("parkId") != null ? plan.getString("parkId") : plan.getString("district");
        return Future.all(enterpriseUsers.idsOf(plan.getString("enterpriseId")), supervisors.of(unit), supervisors.cityAdmins())
                .map(all -> {
                    List<String> heads = new ArrayList<>(all.<List<String>>resultAt(1));
                    if (plan.getString("leaderId") != null && !heads.contains(plan.getString("leaderId"))) {
                        heads.add(plan.getString("leaderId"));
                    }
                    List<String> team = plan.getJsonArray("people", new JsonArray()).stream().map(String::valueOf).toList();
                    return new Of(all.resultAt(0), team, heads, all.resultAt(2));
                });
    }
}
