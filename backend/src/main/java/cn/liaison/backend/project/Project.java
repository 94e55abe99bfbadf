package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.org.ProjectRef;
import java.util.Objects;

/**
 * A construction project in the project library (项目库).
 *
 * @param districtUnitId the district unit, e.g. {@code district-pukou}
 * @param parkId         the park unit, or null
 * @param liaisonId      the assigned liaison (联络员), or null
 * @param leaderId       the responsible leader (包片领导), or null
 * @param floors         above-ground floors
 * @param basementDepth  in metres
 */
public record Project(String id, String name, String enterpriseId, String districtUnitId, String parkId,
                      LandUse landUse, Double totalFloorArea, Double aboveGroundFloorArea, Integer floors,
                      Double basementDepth, ProjectKind kind, ApprovalStage stage,
                      boolean hasConstructionPlanningPermit, Obligation obligation, String liaisonId,
                      String leaderId) {

    public static final int MAX_NAME = 100;

    public Project {
        Objects.requireNonNull(id, "id");
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new ProjectRuleViolation("name", "项目名称不能为空，且不超过 " + MAX_NAME + " 字");
        }
        if (enterpriseId == null || enterpriseId.isBlank()) {
            throw new ProjectRuleViolation("enterpriseId", "请指定建设单位（企业）");
        }
        if (districtUnitId == null || districtUnitId.isBlank()) {
            throw new ProjectRuleViolation("district", "请指定项目所在区");
        }
        if (landUse == null) {
            throw new ProjectRuleViolation("landUse", "请选择用地性质");
        }
        area(totalFloorArea, "totalFloorArea");
        area(aboveGroundFloorArea, "aboveGroundFloorArea");
        if (totalFloorArea != null && aboveGroundFloorArea != null && aboveGroundFloorArea > totalFloorArea) {
            throw new ProjectRuleViolation("aboveGroundFloorArea", "地上建筑面积不能大于总建筑面积");
        }
        if (floors != null && (floors < 0 || floors > 300)) {
            throw new ProjectRuleViolation("floors", "层数应在 0 到 300 之间");
        }
        if (basementDepth != null && (basementDepth < 0 || basementDepth > 100 || basementDepth.isNaN())) {
            throw new ProjectRuleViolation("basementDepth", "地下室埋深应在 0 到 100 米之间");
        }
        kind = kind == null ? ProjectKind.GENERAL : kind;
        stage = stage == null ? ApprovalStage.PLANNING_PERMIT : stage;
        obligation = obligation == null ? Obligation.NONE : obligation;
    }

    private static void area(Double value, String field) {
        if (value != null && (value < 0 || value > 10_000_000 || value.isNaN())) {
            throw new ProjectRuleViolation(field, "面积应在 0 到 10000000 平方米之间");
        }
    }

    /** What the request loop needs of it. */
    public ProjectRef ref() {
        return new ProjectRef(id, name, enterpriseId, districtUnitId, parkId, liaisonId);
    }

    /** The unit that serves the project: its park, or else its district. */
    public String servingUnitId() {
        return parkId != null ? parkId : districtUnitId;
    }

    public Project withObligation(Obligation newObligation) {
        return new Project(id, name, enterpriseId, districtUnitId, parkId, landUse, totalFloorArea,
                aboveGroundFloorArea, floors, basementDepth, kind, stage, hasConstructionPlanningPermit,
                newObligation, liaisonId, leaderId);
    }
}
