package cn.liaison.bots.chat;

import cn.liaison.bots.domain.RatingLevel;
import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RequestWords;

import cn.liaison.bots.chat.DialogueState.Phase;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mini-program chat bot: greets, answers from the knowledge base with sources, offers
 * suggestions or a person when unsure, names the department for matters that are not ours, turns a
 * complaint or demand into a request over several turns ({@link RequestCollector}), lists the user's
 * requests, and takes a rating after a response. One call handles one message.
 */
public final class ChatBot {

    public static final int MAX_TEXT = 500;
    static final int SUGGESTIONS = 3;

    private final Ports.Knowledge knowledge;
    private final Ports.Requests requests;
    private final Ports.States states;
    private final Ports.Transcripts transcripts;
    private final Ports.Checklists checklists;
    private final RequestCollector collector;

    public ChatBot(Ports.Knowledge knowledge, Ports.Requests requests, Ports.States states, Ports.Transcripts transcripts) {
        this(knowledge, requests, states, transcripts, null);
    }

    /** @param checklists the projects' checklists, or null: "what next for my project" is then asked of the knowledge base */
    public ChatBot(Ports.Knowledge knowledge, Ports.Requests requests, Ports.States states, Ports.Transcripts transcripts,
                   Ports.Checklists checklists) {
        this.checklists = checklists;
        this.knowledge = knowledge;
        this.requests = requests;
        this.states = states;
        this.transcripts = transcripts;
        this.collector = new RequestCollector(requests);
    }

    /**
     * @param conversationId null starts a conversation; an unknown or expired one restarts it politely
     */
    public Future<Turn> handle(ChatUser user, String conversationId, String text) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty() || message.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1-" + MAX_TEXT + " characters");
        }
        Future<java.util.Optional<DialogueState>> loaded = conversationId == null
                ? Future.succeededFuture(java.util.Optional.empty())
                : states.load(conversationId).otherwise(java.util.Optional.empty());
        return loaded.compose(found -> {
            boolean known = found.isPresent() && found.get().userId().equals(user.userId());
            boolean restarted = conversationId != null && !known;
            DialogueState state = known ? found.get() : DialogueState.start(UUID.randomUUID().toString(), user.userId());
            return respond(user, state, message, restarted)
                    .compose(result -> remember(result, message)
                            .map(v -> new Turn(result.state().conversationId(), result.replies(), restarted)));
        });
    }

    private Future<Void> remember(Result result, String message) {
        DialogueState next = result.state().nextTurn();
        return states.save(next)
                .compose(v -> transcripts.append(next, message, result.replies()).otherwiseEmpty());
    }

    private Future<Result> respond(ChatUser user, DialogueState state, String text, boolean restarted) {
        List<Reply> intro = new ArrayList<>();
        if (restarted) {
            intro.add(new Reply.Text("抱歉，之前的对话已超时，我们重新开始。如果您刚才在填写诉求，请再说一下您要反映的事情。"));
        }
        if (Intents.cancels(text) && state.phase() != Phase.IDLE) {
            return done(state.idle(), intro, new Reply.Text("好的，已取消。还有什么可以帮您？"));
        }
        Future<Result> result = switch (state.phase()) {
            case COLLECTING -> collector.fill(user, state, text);
            case CONFIRMING -> collector.confirm(user, state, text);
            case RATING -> rate(user, state, text);
            case IDLE -> idle(user, state, text);
        };
        return result.map(r -> r.prefixed(intro));
    }

    private Future<Result> idle(ChatUser user, DialogueState state, String text) {
        return switch (Intents.of(text)) {
            case GREETING -> greet(user, state);
            case URGE -> urge(user, state);
            case PROGRESS -> progress(user, state);
            case NEXT_STEPS -> checklists == null ? answer(state.asked(text), text)
                    : NextSteps.reply(checklists, user, text).map(replies -> new Result(state.idle(), replies));
            case HUMAN -> collector.start(user, state, // "我要投诉" asks for a person to take a complaint
                    (RequestWords.complains(text) ? RequestType.COMPLAINT : RequestType.DEMAND).name(),
                    state.lastQuestion() == null ? null : state.lastQuestion());
            case COMPLAINT -> collector.start(user, state, RequestType.COMPLAINT.name(), text);
            case DEMAND -> collector.start(user, state, RequestType.DEMAND.name(), text);
            case QUESTION -> answer(state.asked(text), text);
        };
    }

    private Future<Result> greet(ChatUser user, DialogueState state) {
        String name = user.name() == null || user.name().isBlank() ? "" : user.name();
        Reply hello = new Reply.Text("您好" + name + "！我是人防政务服务助手，可以解答人防工程审批、易地建设费、"
                + "质量监督等问题，也可以帮您提交诉求、查询办理进度。请直接输入您的问题。");
        return done(state.idle(), List.of(), hello);
    }

    /** 催一下: urges the newest of the user's requests still being handled, and names it. */
    private Future<Result> urge(ChatUser user, DialogueState state) {
        return requests.mine(user, 10).compose(list -> {
            RequestSummary open = list.stream().filter(RequestSummary::urgeable).findFirst().orElse(null);
            if (open == null) {
                return done(state.idle(), List.of(), new Reply.Text("您目前没有正在办理中的诉求，无需催办。需要反映问题时，直接告诉我即可。"));
            }
            return requests.urge(user, open.id())
                    .map(r -> new Result(state.idle(), List.<Reply>of(new Reply.Text("已为您催办诉求 " + r.number() + "（"
                            + abbreviate(r.content(), 20) + "），联络员会尽快处理。"))))
                    .recover(e -> done(state.idle(), List.of(), new Reply.Text("诉求 " + open.number() + " 暂时不能催办："
                            + (e instanceof Ports.Refused ? e.getMessage() : "请稍后再试"))));
        });
    }

    private Future<Result> progress(ChatUser user, DialogueState state) {
        return requests.mine(user, 5).map(list -> {
            if (list.isEmpty()) {
                return new Result(state.idle(), List.of(new Reply.Text("您还没有提交过诉求。需要反映问题时，直接告诉我即可。")));
            }
            StringBuilder out = new StringBuilder("您最近的诉求：");
            for (RequestSummary r : list) {
                out.append("\n· ").append(r.number()).append("【").append(r.statusLabel()).append("】")
                        .append(abbreviate(r.content(), 20));
                if (r.dueAt() != null && !r.awaitsRating()) {
                    out.append("，办结时限 ").append(r.dueAt(), 0, Math.min(10, r.dueAt().length()));
                }
            }
            List<Reply> replies = new ArrayList<>(List.of(new Reply.Text(out.toString())));
            RequestSummary toRate = list.stream().filter(RequestSummary::awaitsRating).findFirst().orElse(null);
            if (toRate == null) {
                return new Result(state.idle(), replies);
            }
            replies.addAll(ratingInvitation(toRate));
            return new Result(state.rating(toRate.id()), replies);
        });
    }

    static List<Reply> ratingInvitation(RequestSummary request) {
        return List.of(new Reply.Text("诉求 " + request.number() + " 已答复，请对办理结果进行评价："),
                new Reply.Form(List.of(new Reply.Field("rating", "评价", true, RatingLevel.labels(), request.id()))));
    }

    private Future<Result> rate(ChatUser user, DialogueState state, String text) {
        int level = Intents.ratingLevel(text);
        if (level == 0) {
            // Not a rating: leave the rating aside and treat the message as a new one.
            return idle(user, state.idle(), text);
        }
        return requests.rate(user, state.ratingRequestId(), level, null)
                .map(r -> new Result(state.idle(), List.of(new Reply.Text(RatingLevel.of(level).orElseThrow().isBad()
                        ? "感谢您的评价。我们将对诉求 " + r.number() + " 进行整改并尽快重新答复。"
                        : "感谢您的评价！诉求 " + r.number() + " 已办结。"))))
                .recover(e -> done(state.idle(), List.of(), new Reply.Text("该诉求当前无法评价（可能已评价或已办结）。")));
    }

    private Future<Result> answer(DialogueState state, String question) {
        return knowledge.ask(question).map(outcome -> new Result(state.idle(), replies(outcome)));
    }

    static List<Reply> replies(SearchOutcome outcome) {
        List<Reply> out = new ArrayList<>();
        switch (outcome.decision()) {
            case ANSWERED -> {
                Entry best = outcome.best().orElseThrow().entry();
                out.add(new Reply.Answer(best.id(), best.title(), KnowledgeBase.answer(best), best.topics(),
                        best.sources().stream().map(s -> new Reply.Source(s.title(), s.url())).toList(),
                        Math.round(outcome.confidence() * 100) / 100.0));
            }
            case FORWARDED -> {
                var rule = outcome.forwardRule().orElseThrow();
                out.add(new Reply.Text("您咨询的事项不属于人防业务范围，建议联系" + rule.department()
                        + (rule.phone() == null ? "。" : "（电话 " + rule.phone() + "）。")));
                out.add(new Reply.Forward(rule.department(), rule.phone()));
            }
            case SUGGESTED, ABSTAINED -> {
                List<Reply.Suggestion> items = outcome.hits().stream().limit(SUGGESTIONS)
                        .map(Hit::entry).map(e -> new Reply.Suggestion(e.id(), e.standardQuestion())).toList();
                if (!items.isEmpty() && outcome.decision() == cn.liaison.kb.index.Decision.SUGGESTED) {
                    out.add(new Reply.Text("没有找到确切的答案，您是不是想问以下问题？"));
                    out.add(new Reply.Suggestions(items));
                } else {
                    out.add(new Reply.Text("抱歉，知识库里暂时没有这个问题的答案。"));
                }
                outcome.forwardRule().ifPresent(rule -> out.add(new Reply.Forward(rule.department(), rule.phone())));
                out.add(new Reply.Text("如需人工处理，请回复「转人工」，我们会把您的问题交给工作人员。"));
            }
        }
        return out;
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static Future<Result> done(DialogueState state, List<Reply> before, Reply reply) {
        List<Reply> all = new ArrayList<>(before);
        all.add(reply);
        return Future.succeededFuture(new Result(state, all));
    }

    /** The state after a message and the replies to it. */
    record Result(DialogueState state, List<Reply> replies) {
        Result prefixed(List<Reply> intro) {
            if (intro.isEmpty()) {
                return this;
            }
            List<Reply> all = new ArrayList<>(intro);
            all.addAll(replies);
            return new Result(state, all);
        }
    }
}
