package cn.liaison.bots.chat;

import java.util.List;
import java.util.Objects;

/**
 * What a project still has to do in 人防, from its checklist (全链条清单): the open items, next first.
 *
 * @param open    applicable items not done yet, the next one first (at most a few)
 * @param note    why nothing is open when {@code open} is empty (e.g. exempt by a policy), else null
 * @param askName the liaison to ask, or null when none is assigned
 */
public record ProjectSteps(String projectId, String projectName, String stageLabel, List<Step> open, String note,
                           String askName) {
    public ProjectSteps {
        Objects.requireNonNull(projectId, "projectId");
        open = List.copyOf(open);
    }

    /** One open item. {@code deadline} is an ISO date or null. */
    public record Step(String title, String stageLabel, String stateLabel, String deadline, boolean overdue, String note) {
        public Step {
            Objects.requireNonNull(title, "title");
        }
    }
}
