package cn.liaison.backend.report;

import cn.liaison.kb.content.ServiceItem;

/**
 * 提速: the office's own target for a service item. The 2026 plan cuts every promised time limit
 * by a further 50 % (the legal limit stands in where no promise is published), never below one
 * working day, and asks the quality-supervision site survey of a joint acceptance to be done within
 * one working day instead of the legal four.
 */
final class SpeedTargets {

    static final String JOINT_ACCEPTANCE = "item-joint-acceptance";

    /** The target and how it was set, in words people read. */
    record Target(Integer days, String basis) {
    }

    private SpeedTargets() {
    }

    static Target of(String itemId, ServiceItem item) {
        Integer legal = item.legalTimeLimitDays();
        Integer promised = item.promisedTimeLimitDays();
        if (JOINT_ACCEPTANCE.equals(itemId)) {
            return new Target(1, "联合验收现场踏勘 1 个工作日内完成（法定 " + (legal == null ? 4 : legal) + " 个工作日）");
        }
        Integer base = promised != null ? promised : legal;
        if (base == null) {
            return new Target(null, "未公布办理时限");
        }
        int target = Math.max(1, (base + 1) / 2);
        return new Target(target, (promised != null ? "承诺时限 " : "法定时限 ") + base + " 个工作日压缩 50%");
    }
}
