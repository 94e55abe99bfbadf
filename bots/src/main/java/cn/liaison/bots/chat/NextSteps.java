package cn.liaison.bots.chat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** "我的项目下一步人防要办什么": the open items of the user's projects, from their checklists. */
final class NextSteps {
    static final int MAX_PROJECTS = 3;

    private NextSteps() {
    }

    static Future<List<Reply>> reply(Ports.Checklists checklists, ChatUser user, String text) {
        if (user.projects().isEmpty()) {
            return Future.succeededFuture(List.of(new Reply.Text("您的账号还没有关联项目。绑定企业并登记项目后，我可以按项目告诉您人防下一步要办什么；"
                    + "也可以直接问具体事项，例如“开工前人防要办什么”。")));
        }
        List<ChatUser.Project> named = user.projects().stream()
                .filter(p -> p.name() != null && text.contains(p.name())).toList();
        List<ChatUser.Project> chosen = (named.isEmpty() ? user.projects() : named).stream().limit(MAX_PROJECTS).toList();
        List<Future<ProjectSteps>> steps = chosen.stream()
                .map(p -> checklists.next(user, p.id()).otherwise((ProjectSteps) null)).toList();
        return Future.all(steps).map(all -> {
            List<Reply> out = new ArrayList<>();
            for (Future<ProjectSteps> f : steps) {
                if (f.result() != null) {
                    out.add(new Reply.Text(text(f.result())));
                }
            }
            if (out.isEmpty()) {
                out.add(new Reply.Text("暂时查不到您项目的人防清单，请稍后再试，或回复「转人工」。"));
            } else if (user.projects().size() > chosen.size()) {
                out.add(new Reply.Text("您还有其他项目，发送“项目名称 + 下一步”可以单独查询。"));
            }
            return out;
        });
    }

    static String text(ProjectSteps p) {
        StringBuilder out = new StringBuilder("「").append(p.projectName()).append("」");
        if (p.stageLabel() != null) {
            out.append("目前处于").append(p.stageLabel()).append("阶段。");
        }
        if (p.open().isEmpty()) {
            out.append(p.note() != null ? p.note() : "人防事项都已办结。");
        } else {
            out.append("人防下一步：");
            for (ProjectSteps.Step step : p.open()) {
                out.append("\n· ").append(step.title()).append("【").append(step.stateLabel()).append("】");
                if (step.stageLabel() != null) {
                    out.append("（").append(step.stageLabel()).append("阶段）");
                }
                if (step.deadline() != null) {
                    out.append("，").append(step.overdue() ? "已超过办理期限 " : "期限 ").append(step.deadline());
                }
                if (step.note() != null) {
                    out.append("；").append(step.note());
                }
            }
        }
        out.append(p.askName() != null ? "\n有疑问可直接联系您的服务联系人" + p.askName() + "。"
                : "\n有疑问可联系所在区（园区）人防部门，或回复「转人工」。");
        return out.toString();
    }
}
