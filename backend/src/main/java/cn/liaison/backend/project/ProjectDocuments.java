package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.policy.EffectKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the stored project document and the domain. The document keeps the field
 * names the request loop's {@code ProjectRefs} reads ({@code district}, {@code parkId},
 * {@code liaisonId}), so both read the same collection; documents from before the project library
 * (only those fields) read as land use OTHER, kind GENERAL, first stage.
 */
final class ProjectDocuments {

    private ProjectDocuments() {
    }

    static JsonObject fields(Project p) {
        return new JsonObject()
                .put("name", p.name())
                .put("enterpriseId", p.enterpriseId())
                .put("district", p.districtUnitId())
                .put("parkId", p.parkId())
                .put("landUse", p.landUse().name())
                .put("totalFloorArea", p.totalFloorArea())
                .put("aboveGroundFloorArea", p.aboveGroundFloorArea())
                .put("floors", p.floors())
                .put("basementDepth", p.basementDepth())
                .put("kind", p.kind().name())
                .put("stage", p.stage().name())
                .put("hasConstructionPlanningPermit", p.hasConstructionPlanningPermit())
                .put("obligation", obligation(p.obligation()))
                .put("liaisonId", p.liaisonId())
                .put("leaderId", p.leaderId());
    }

    static JsonObject obligation(Obligation o) {
        return new JsonObject()
                .put("requiredArea", o.requiredArea())
                .put("mode", o.mode().name())
                .put("feeAssessed", o.feeAssessed())
                .put("feePaid", o.feePaid())
                .put("feeStandard", o.feeStandard().name())
                .put("mergedHandling", o.mergedHandling());
    }

    static Project project(JsonObject d) {
        return new Project(d.getString("_id"), d.getString("name"), d.getString("enterpriseId"), d.getString("district"),
                d.getString("parkId"),
                LandUse.valueOf(d.getString("landUse", LandUse.OTHER.name())),
                number(d, "totalFloorArea"), number(d, "aboveGroundFloorArea"),
                d.getValue("floors") == null ? null : ((Number) d.getValue("floors")).intValue(),
                number(d, "basementDepth"),
                ProjectKind.valueOf(d.getString("kind", ProjectKind.GENERAL.name())),
                ApprovalStage.valueOf(d.getString("stage", ApprovalStage.PLANNING_PERMIT.name())),
                d.getBoolean("hasConstructionPlanningPermit", false),
                obligation(d.getJsonObject("obligation")),
                d.getString("liaisonId"), d.getString("leaderId"));
    }

    static Obligation obligation(JsonObject o) {
        if (o == null) {
            return Obligation.NONE;
        }
        return new Obligation(number(o, "requiredArea"), ObligationMode.valueOf(o.getString("mode", "UNDETERMINED")),
                number(o, "feeAssessed"), number(o, "feePaid"), FeeStandard.valueOf(o.getString("feeStandard", "STANDARD")),
                o.getBoolean("mergedHandling", false));
    }

    static Double number(JsonObject d, String field) {
        Object v = d.getValue(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static JsonArray matches(List<PolicyMatch> matches) {
        JsonArray out = new JsonArray();
        for (PolicyMatch m : matches) {
            out.add(new JsonObject()
                    .put("policyId", m.policyId())
                    .put("title", m.title())
                    .put("region", m.region())
                    .put("topics", new JsonArray(m.topics()))
                    .put("sources", new JsonArray(m.sources()))
                    .put("effect", m.effect().name())
                    .put("effectText", m.effectText())
                    .put("explanation", m.explanation())
                    .put("matchedAt", m.matchedAt().toString())
                    .put("applied", m.applied())
                    .put("appliedAt", m.appliedAt() == null ? null : m.appliedAt().toString())
                    .put("dueNotApplied", m.dueNotApplied())
                    .put("active", m.active())
                    .put("lapsedAt", m.lapsedAt() == null ? null : m.lapsedAt().toString()));
        }
        return out;
    }

    static List<PolicyMatch> matches(JsonObject doc) {
        List<PolicyMatch> out = new ArrayList<>();
        for (Object item : doc.getJsonArray("policyMatches", new JsonArray())) {
            JsonObject m = (JsonObject) item;
            out.add(new PolicyMatch(m.getString("policyId"), m.getString("title"), m.getString("region"),
                    strings(m.getJsonArray("topics")), strings(m.getJsonArray("sources")),
                    EffectKind.valueOf(m.getString("effect")), m.getString("effectText"), m.getString("explanation"),
                    LocalDate.parse(m.getString("matchedAt")), m.getBoolean("applied", false), date(m.getString("appliedAt")),
                    m.getBoolean("dueNotApplied", false), m.getBoolean("active", true), date(m.getString("lapsedAt"))));
        }
        return out;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
