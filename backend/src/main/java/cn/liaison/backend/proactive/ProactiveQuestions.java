package cn.liaison.backend.proactive;

import cn.liaison.kb.scenario.ApprovalStage;
import java.util.List;

/** What the liaison should ask (跨前对接), by what raised the task. */
final class ProactiveQuestions {

    private ProactiveQuestions() {
    }

    /** On entering an approval stage: the 人防 questions of that stage. */
    static List<String> forStage(String stage) {
        ApprovalStage known;
        try {
            known = ApprovalStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            return List.of("项目进入新阶段，人防方面有什么需要我们帮忙的？");
        }
        return switch (known) {
            case PLANNING_PERMIT -> List.of("项目用地性质和规模是否已明确？是否可能适用免建或易地建设政策？",
                    "是否需要我们提前说明人防配建要求，以免影响后续报建？");
            case ENGINEERING_PERMIT -> List.of("防空地下室是结建还是易地建设？应建面积计算是否需要指导？",
                    "建设工程规划许可证是否已取得？可否合并办理人防许可和易地建设费（信用承诺容缺受理）？",
                    "报建材料准备中有没有拿不准的地方？");
            case CONSTRUCTION_PERMIT -> List.of("人防施工图是否已纳入联合审查？质量监督手续（报监）何时办理？",
                    "防护设备的选用和安装单位是否已确定？");
            case COMPLETION_ACCEPTANCE -> List.of("联合验收时间定了吗？人防部分的现场踏勘可在 1 个工作日内安排。",
                    "竣工验收备案材料是否齐全？需要我们陪同办理吗？");
        };
    }

    /** A checklist item whose deadline is near. */
    static List<String> forDeadline(String title, String deadline) {
        return List.of("「" + title + "」将于 " + deadline + " 到期，审批进展是否顺利？",
                "是否有补正材料或需要协调的事项？需要的话我们可以陪同办理。");
    }

    /** No contact for a long time: a light check-in, nothing more (无事不扰). */
    static List<String> forSilence(int days) {
        return List.of("已有 " + days + " 天没有联系，项目进度如何？", "人防方面近期有没有新的需求或困难？");
    }
}
