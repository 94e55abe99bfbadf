package cn.liaison.backend.chat;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.project.ChecklistState;
import cn.liaison.kb.scenario.ApprovalStage;
import cn.liaison.bots.chat.ChatUser;
import cn.liaison.bots.chat.Ports;
import cn.liaison.bots.chat.ProjectSteps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The chat bot's view of a project's checklist: the open items from the current stage on, then earlier ones. */
final class ChecklistSteps implements Ports.Checklists {
    static final int MAX_STEPS = 3;

    private final ChecklistService checklists;

    ChecklistSteps(ChecklistService checklists) {
        this.checklists = checklists;
    }

    @Override
    public Future<ProjectSteps> next(ChatUser user, String projectId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        user.roles().forEach(r -> roles.add(Role.valueOf(r)));
        Principal who = new Principal(user.userId(), user.name(), roles, user.unitId(), user.enterpriseId());
        return checklists.checklist(projectId, who).map(ChecklistSteps::steps);
    }

    static ProjectSteps steps(JsonObject checklist) {
        int current = ApprovalStage.valueOf(checklist.getString("stage")).ordinal();
        List<JsonObject> later = new ArrayList<>();
        List<JsonObject> earlier = new ArrayList<>();
        String reason = null;
        for (Object s : checklist.getJsonArray("stages", new JsonArray())) {
            JsonObject stage = (JsonObject) s;
            for (Object i : stage.getJsonArray("items", new JsonArray())) {
                JsonObject item = ((JsonObject) i).copy().put("stageLabel", stage.getString("label"));
                String state = item.getString("state");
                if (ChecklistState.NOT_APPLICABLE.name().equals(state)) {
                    reason = reason == null ? item.getString("reason") : reason;
                } else if (!ChecklistState.DONE.name().equals(state)) {
                    (ApprovalStage.valueOf(stage.getString("stage")).ordinal() >= current ? later : earlier).add(item);
                }
            }
        }
        later.addAll(earlier);
        List<ProjectSteps.Step> open = later.stream().limit(MAX_STEPS).map(item -> new ProjectSteps.Step(
                item.getString("title"), item.getString("stageLabel"), item.getString("stateLabel"),
                item.getString("deadline"), item.getBoolean("overdue", false), item.getString("note"))).toList();
        int applicable = checklist.getJsonObject("summary").getInteger("applicable", 0);
        String note = !open.isEmpty() ? null : applicable == 0 && reason != null ? reason + "，人防方面没有需要办理的事项。"
                : "人防事项都已办结。";
        JsonObject ask = checklist.getJsonObject("ask", new JsonObject());
        return new ProjectSteps(checklist.getString("projectId"), checklist.getString("projectName"),
                checklist.getString("stageLabel"), open, note, ask.getString("name"));
    }
}
