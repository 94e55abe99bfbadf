package cn.liaison.backend.project;

import cn.liaison.kb.scenario.ApprovalStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What was recorded on a project for one checklist item: when it was applied for (申报), when it was
 * approved or finished (办结) and the reference number (文号) of the result.
 */
public record ChecklistRecord(String itemId, ApprovalStage stage, LocalDate startedOn, LocalDate doneOn, String reference,
                              String byUserId, String byName, Instant at) {
    public static final int MAX_REFERENCE = 60;

    public ChecklistRecord {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(stage, "stage");
        if (startedOn != null && doneOn != null && doneOn.isBefore(startedOn)) {
            throw new ProjectRuleViolation("doneOn", "办结日期不能早于申报日期");
        }
        if (doneOn != null && (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE)) {
            throw new ProjectRuleViolation("reference", "请填写办结文号（不超过 " + MAX_REFERENCE + " 字）");
        }
    }
}
