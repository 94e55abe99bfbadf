package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The API's JSON for projects: merging a create or patch body into a project, and rendering one. */
final class ProjectJson {

    /** What an enterprise may write about its own project. */
    static final Set<String> ENTERPRISE_FIELDS = Set.of("name", "landUse", "totalFloorArea", "aboveGroundFloorArea",
            "floors", "basementDepth", "stage", "hasConstructionPlanningPermit");
    /** Liaisons also record the 人防 obligation. */
    static final Set<String> LIAISON_FIELDS = Set.of("obligation");
    /** Unit heads and city admins also assign people (包片包干), set the kind and move the project. */
    static final Set<String> SUPERVISOR_FIELDS = Set.of("kind", "liaisonId", "leaderId", "district", "parkId");

    private ProjectJson() {
    }

    /** The fields of {@code body} the person may not write here (create: the place is the creator's to give). */
    static List<String> forbidden(JsonObject body, boolean supervisor, boolean staff, boolean creating) {
        List<String> out = new ArrayList<>();
        for (String field : body.fieldNames()) {
            boolean allowed = ENTERPRISE_FIELDS.contains(field)
                    || creating && Set.of("enterpriseId", "district", "parkId").contains(field)
                    || staff && LIAISON_FIELDS.contains(field)
                    || supervisor && SUPERVISOR_FIELDS.contains(field);
            if (!allowed) {
                out.add(field);
            }
        }
        return out;
    }

    /** {@code base} with every field present in {@code body} replaced; district and park already resolved. */
    static Project merge(Project base, JsonObject body, String district, String parkId) {
        JsonObject o = body.getJsonObject("obligation");
        Obligation ob = base.obligation();
        if (o != null) {
            ob = new Obligation(
                    o.containsKey("requiredArea") ? ProjectDocuments.number(o, "requiredArea") : ob.requiredArea(),
                    o.containsKey("mode") ? ObligationMode.valueOf(o.getString("mode")) : ob.mode(),
                    o.containsKey("feeAssessed") ? ProjectDocuments.number(o, "feeAssessed") : ob.feeAssessed(),
                    o.containsKey("feePaid") ? ProjectDocuments.number(o, "feePaid") : ob.feePaid(),
                    ob.feeStandard(), ob.mergedHandling());
        }
        return new Project(base.id(),
                body.containsKey("name") ? body.getString("name") : base.name(),
                base.enterpriseId(), district, parkId,
                body.containsKey("landUse") ? LandUse.valueOf(body.getString("landUse")) : base.landUse(),
                body.containsKey("totalFloorArea") ? ProjectDocuments.number(body, "totalFloorArea") : base.totalFloorArea(),
                body.containsKey("aboveGroundFloorArea") ? ProjectDocuments.number(body, "aboveGroundFloorArea") : base.aboveGroundFloorArea(),
                body.containsKey("floors") ? body.getInteger("floors") : base.floors(),
                body.containsKey("basementDepth") ? ProjectDocuments.number(body, "basementDepth") : base.basementDepth(),
                body.containsKey("kind") ? ProjectKind.valueOf(body.getString("kind")) : base.kind(),
                body.containsKey("stage") ? ApprovalStage.valueOf(body.getString("stage")) : base.stage(),
                body.containsKey("hasConstructionPlanningPermit") ? body.getBoolean("hasConstructionPlanningPermit")
                        : base.hasConstructionPlanningPermit(),
                ob,
                body.containsKey("liaisonId") ? body.getString("liaisonId") : base.liaisonId(),
                body.containsKey("leaderId") ? body.getString("leaderId") : base.leaderId());
    }

    /** A project as the API shows it. */
    static JsonObject toApi(JsonObject doc, String cardUrl) {
        Project p = ProjectDocuments.project(doc);
        Obligation o = p.obligation();
        JsonObject out = new JsonObject()
                .put("id", p.id())
                .put("version", doc.getLong("version", 0L))
                .put("name", p.name())
                .put("enterpriseId", p.enterpriseId())
                .put("district", p.districtUnitId());
        putIfPresent(out, "districtName", doc.getString("districtName"));
        putIfPresent(out, "parkId", p.parkId());
        putIfPresent(out, "parkName", doc.getString("parkName"));
        out.put("landUse", p.landUse().name()).put("landUseLabel", p.landUse().label());
        putIfPresent(out, "totalFloorArea", p.totalFloorArea());
        putIfPresent(out, "aboveGroundFloorArea", p.aboveGroundFloorArea());
        putIfPresent(out, "floors", p.floors());
        putIfPresent(out, "basementDepth", p.basementDepth());
        out.put("kind", p.kind().name()).put("kindLabel", p.kind().label()).put("major", p.kind().isMajor())
                .put("stage", p.stage().name()).put("stageLabel", p.stage().label())
                .put("hasConstructionPlanningPermit", p.hasConstructionPlanningPermit());
        JsonObject obligation = ProjectDocuments.obligation(o).put("modeLabel", o.mode().label())
                .put("feeStandardLabel", o.feeStandard().label());
        obligation.getMap().values().removeIf(v -> v == null);
        out.put("obligation", obligation);
        putIfPresent(out, "liaisonId", p.liaisonId());
        putIfPresent(out, "liaisonName", doc.getString("liaisonName"));
        putIfPresent(out, "leaderId", p.leaderId());
        putIfPresent(out, "leaderName", doc.getString("leaderName"));
        JsonArray stages = new JsonArray();
        for (Object item : doc.getJsonArray("stageHistory", new JsonArray())) {
            JsonObject s = ((JsonObject) item).copy();
            s.put("at", MongoDocs.apiTime(MongoDocs.instant(s.getValue("at"))));
            stages.add(s);
        }
        out.put("stageHistory", stages);
        List<PolicyMatch> matches = ProjectDocuments.matches(doc);
        out.put("policySummary", new JsonObject()
                .put("active", matches.stream().filter(PolicyMatch::active).count())
                .put("applied", matches.stream().filter(m -> m.active() && m.applied()).count())
                .put("dueNotApplied", matches.stream().filter(m -> m.active() && m.dueNotApplied()).count()));
        putIfPresent(out, "cardUrl", cardUrl);
        putIfPresent(out, "createdAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("createdAt"))));
        putIfPresent(out, "updatedAt", MongoDocs.apiTime(MongoDocs.instant(doc.getValue("updatedAt"))));
        return out;
    }

    private static void putIfPresent(JsonObject out, String field, Object value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
