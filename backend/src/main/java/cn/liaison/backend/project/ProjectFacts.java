package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.backend.policy.FactSpec;
import cn.liaison.backend.policy.Facts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The facts of a project that policy rules may test, with their names in words. */
public final class ProjectFacts {

    /** Every field a rule may name, and what it is. */
    public static final Map<String, FactSpec> SCHEMA = schema();

    private ProjectFacts() {
    }

    public static Facts of(Project p) {
        return field -> switch (field) {
            case "landUse" -> p.landUse().name();
            case "kind" -> p.kind().name();
            case "stage" -> p.stage().name();
            case "district" -> p.districtUnitId();
            case "parkId" -> p.parkId();
            case "totalFloorArea" -> p.totalFloorArea();
            case "aboveGroundFloorArea" -> p.aboveGroundFloorArea();
            case "floors" -> p.floors();
            case "basementDepth" -> p.basementDepth();
            case "hasConstructionPlanningPermit" -> p.hasConstructionPlanningPermit();
            case "obligation.mode" -> p.obligation().mode().name();
            case "obligation.requiredArea" -> p.obligation().requiredArea();
            default -> null;
        };
    }

    private static Map<String, FactSpec> schema() {
        Map<String, FactSpec> out = new LinkedHashMap<>();
        Stream.of(
                FactSpec.enumeration("landUse", "用地性质", labels(LandUse.values(), LandUse::label)),
                FactSpec.enumeration("kind", "项目类型", labels(ProjectKind.values(), ProjectKind::label)),
                FactSpec.enumeration("stage", "审批阶段", labels(ApprovalStage.values(), ApprovalStage::label)),
                FactSpec.text("district", "所在区"),
                FactSpec.text("parkId", "所在园区"),
                FactSpec.number("totalFloorArea", "总建筑面积（平方米）"),
                FactSpec.number("aboveGroundFloorArea", "地上建筑面积（平方米）"),
                FactSpec.number("floors", "地上层数"),
                FactSpec.number("basementDepth", "地下室埋深（米）"),
                FactSpec.bool("hasConstructionPlanningPermit", "已取得建设工程规划许可证"),
                FactSpec.enumeration("obligation.mode", "人防义务履行方式", labels(ObligationMode.values(), ObligationMode::label)),
                FactSpec.number("obligation.requiredArea", "应建防空地下室面积（平方米）"))
                .forEach(spec -> out.put(spec.field(), spec));
        return Map.copyOf(out);
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
        return Stream.of(values).collect(Collectors.toMap(Enum::name, label));
    }
}
