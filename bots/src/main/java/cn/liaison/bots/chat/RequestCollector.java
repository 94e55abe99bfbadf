package cn.liaison.bots.chat;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RequestWords;

import cn.liaison.bots.chat.ChatBot.Result;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Collects a complaint or demand over several turns: what happened, which project, who to contact
 * and their phone; shows it for confirmation; then creates the request through the loop.
 */
final class RequestCollector {

    /** Too short to be a description on its own ("人防门坏了" is fine, "投诉" is not). */
    static final int MIN_DESCRIPTION = 5;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9\\s-]{4,19}");

    private final Ports.Requests requests;

    RequestCollector(Ports.Requests requests) {
        this.requests = requests;
    }

    Future<Result> start(ChatUser user, DialogueState state, String type, String text) {
        String description = text != null && text.strip().length() >= MIN_DESCRIPTION ? text.strip() : null;
        RequestDraft draft = new RequestDraft(UUID.randomUUID().toString(), type, description, null, null,
                user.contactName(), user.contactPhone(), null, user.enterpriseId() == null);
        if (user.projects().size() == 1) {
            draft = draft.withProject(user.projects().get(0).id(), user.projects().get(0).name());
        }
        String intro = RequestType.COMPLAINT.name().equals(type) ? "很抱歉给您带来不便，我来帮您登记，工作人员会尽快处理。"
                : "好的，我来帮您提交给工作人员。";
        return next(user, state, draft, List.of(new Reply.Text(intro)));
    }

    Future<Result> fill(ChatUser user, DialogueState state, String text) {
        RequestDraft draft = state.draft();
        String field = draft.missing().get(0);
        String value = text.strip();
        if (!RequestDraft.CONTACT_PHONE.equals(field) && !RequestDraft.DESCRIPTION.equals(field)
                && PHONE.matcher(value).matches()) {
            // A number is no project or person: keep it as the phone when none is known, and ask again.
            RequestDraft kept = draft.contactPhone() == null ? draft.with(RequestDraft.CONTACT_PHONE, value.replaceAll("[\\s-]", ""))
                    : draft;
            return ChatBot.done(state.collecting(kept), List.of(), new Reply.Text(
                    (RequestDraft.PROJECT.equals(field) ? "这像是一个电话号码，不是项目名称。"
                            : RequestDraft.DISTRICT.equals(field) ? "这像是一个电话号码，不是区名。" : "这像是一个电话号码，不是联系人姓名。")
                            + prompt(field, user)));
        }
        if (RequestDraft.PROJECT.equals(field)) {
            ChatUser.Project picked = pick(user, value);
            draft = picked != null ? draft.withProject(picked.id(), picked.name()) : draft.with(field, value);
        } else if (RequestDraft.CONTACT_PHONE.equals(field)) {
            if (!PHONE.matcher(value).matches()) {
                return ChatBot.done(state, List.of(), new Reply.Text("电话号码格式好像不对，请输入手机或座机号码（如 13812345678）。"));
            }
            draft = draft.with(field, value.replaceAll("[\\s-]", ""));
        } else {
            draft = draft.with(field, value);
        }
        if (RequestDraft.DESCRIPTION.equals(field) && RequestType.DEMAND.name().equals(draft.type())
                && RequestWords.complains(value)) {
            draft = draft.withType(RequestType.COMPLAINT.name()); // 转人工, then what went wrong: a complaint
        }
        return next(user, state, draft, List.of());
    }

    Future<Result> confirm(ChatUser user, DialogueState state, String text) {
        RequestDraft draft = state.draft();
        if (Intents.edits(text)) {
            RequestDraft cleared = new RequestDraft(draft.key(), draft.type(), null, null, null, null, null, null,
                    draft.needsDistrict());
            return next(user, state, cleared, List.of(new Reply.Text("好的，我们重新填写。")));
        }
        if (!Intents.confirms(text)) {
            return ChatBot.done(state, List.of(), confirmForm(draft));
        }
        return requests.submit(user, draft).map(created -> new Result(state.idle(), List.of(
                new Reply.Text("已提交！诉求编号 " + created.number() + "，当前状态：" + created.statusLabel()
                        + "。办理进展会通过消息通知您，也可以随时发送「我的诉求进度」查询。"),
                new Reply.RequestCreated(created.id(), created.number(), created.status()))));
    }

    private Future<Result> next(ChatUser user, DialogueState state, RequestDraft draft, List<Reply> before) {
        List<Reply> replies = new ArrayList<>(before);
        List<String> missing = draft.missing();
        if (missing.isEmpty()) {
            replies.add(new Reply.Text(summary(draft)));
            replies.add(confirmForm(draft));
            return Future.succeededFuture(new Result(state.confirming(draft), replies));
        }
        String field = missing.get(0);
        replies.add(new Reply.Text(prompt(field, user)));
        replies.add(new Reply.Form(fields(draft, user, field)));
        return Future.succeededFuture(new Result(state.collecting(draft), replies));
    }

    private static String prompt(String field, ChatUser user) {
        return switch (field) {
            case RequestDraft.DESCRIPTION -> "请具体描述一下您要反映的问题或需要的帮助。";
            case RequestDraft.PROJECT -> user.projects().isEmpty() ? "涉及哪个项目？请输入项目名称（不涉及项目请回复「无」）。"
                    : "涉及哪个项目？请选择或输入项目名称（不涉及请回复「无」）。";
            case RequestDraft.DISTRICT -> "请问是哪个区的事项？请输入区名（如 浦口区），我们会交给该区人防部门办理。";
            case RequestDraft.CONTACT_NAME -> "请问联系人怎么称呼？";
            default -> "请留下联系电话，方便工作人员与您联系。";
        };
    }

    private static List<Reply.Field> fields(RequestDraft d, ChatUser user, String asking) {
        List<String> projects = user.projects().stream().map(ChatUser.Project::name).toList();
        List<Reply.Field> all = new ArrayList<>(List.of(
                new Reply.Field(RequestDraft.DESCRIPTION, "问题描述", true, List.of(), d.description()),
                new Reply.Field(RequestDraft.PROJECT, "涉及项目", true, projects,
                        d.projectName()),
                new Reply.Field(RequestDraft.CONTACT_NAME, "联系人", true, List.of(), d.contactName()),
                new Reply.Field(RequestDraft.CONTACT_PHONE, "联系电话", true, List.of(), d.contactPhone())));
        if (d.needsDistrict()) {
            all.add(2, new Reply.Field(RequestDraft.DISTRICT, "所在区", true, List.of(), d.district()));
        }
        // The field being asked first, then the rest for context.
        List<Reply.Field> ordered = new ArrayList<>();
        all.stream().filter(f -> f.name().equals(asking)).forEach(ordered::add);
        all.stream().filter(f -> !f.name().equals(asking)).forEach(ordered::add);
        return ordered;
    }

    private static Reply confirmForm(RequestDraft draft) {
        return new Reply.Form(List.of(new Reply.Field("confirm", "是否确认提交", true,
                List.of("确认提交", "修改", "取消"), null)));
    }

    private static String summary(RequestDraft d) {
        return "请确认诉求信息：\n类型：" + (RequestType.COMPLAINT.name().equals(d.type()) ? RequestType.COMPLAINT.label() : RequestType.DEMAND.label())
                + "\n内容：" + d.description()
                + "\n项目：" + (d.projectName() == null || RequestDraft.isNone(d.projectName()) ? "不涉及" : d.projectName())
                + (d.district() == null ? "" : "\n所在区：" + d.district())
                + "\n联系人：" + (d.contactName() != null && PHONE.matcher(d.contactName()).matches()
                        ? masked(d.contactName()) : d.contactName())
                + "\n电话：" + masked(d.contactPhone());
    }

    /** The bot never echoes a full phone number. */
    static String masked(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static ChatUser.Project pick(ChatUser user, String value) {
        List<ChatUser.Project> projects = user.projects();
        if (value.matches("[1-9]") && Integer.parseInt(value) <= projects.size()) {
            return projects.get(Integer.parseInt(value) - 1);
        }
        String v = value.toLowerCase(Locale.ROOT);
        return projects.stream()
                .filter(p -> p.id().equalsIgnoreCase(v) || p.name().equals(value) || p.name().contains(value) && value.length() >= 2)
                .findFirst().orElse(null);
    }
}
