package cn.liaison.backend.chat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.project.ProjectQueries;
import java.util.Optional;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.ratelimit.RateLimit;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.chat.ChatBot;
import cn.liaison.bots.chat.ChatUser;
import cn.liaison.bots.chat.Reply;
import cn.liaison.bots.chat.Turn;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One chat message from a signed-in user, from the mini-program API or a WeChat push: counts it
 * against the user's rate limit, optionally lets WeChat check the text, builds who the user is
 * (contact defaults, their enterprise's projects) and lets the bot answer.
 */
@Published
public final class ChatService {

    static final String FEEDBACK = ChatCollections.FEEDBACK.name();

    private final ChatBot bot;
    private final MongoClient mongo;
    private final RateLimit limit;
    private final Clock clock;
    /** (openid, text) → whether the text may be processed; null when the check is off. */
    private final BiFunction<String, String, Future<Boolean>> contentCheck;
    private final WechatUsers users;
    private final ProjectQueries projects;

    /** (question, entry id) → logged for the gap loop as an unhelpful answer. */
    private final BiFunction<String, String, Future<Void>> lowRated;

    ChatService(ChatBot bot, MongoClient mongo, RateLimit limit, Clock clock,
                BiFunction<String, String, Future<Boolean>> contentCheck, WechatUsers users, ProjectQueries projects,
                BiFunction<String, String, Future<Void>> lowRated) {
        this.bot = bot;
        this.users = users;
        this.projects = projects;
        this.lowRated = lowRated;
        this.mongo = mongo;
        this.limit = limit;
        this.clock = clock;
        this.contentCheck = contentCheck;
    }

    /** @param openid the user's WeChat openid for the content check, null when unknown */
    public Future<Turn> handle(Principal principal, String openid, String conversationId, String text) {
        return limit.acquire(principal.userId())
                .compose(ok -> checked(openid, text))
                .compose(safe -> !safe
                        ? Future.succeededFuture(new Turn(conversationId == null ? UUID.randomUUID().toString() : conversationId,
                        List.of(new Reply.Text("您发送的内容含有不适宜的信息，请修改后再试。")), false))
                        : chatUser(principal).compose(user -> bot.handle(user, conversationId, text)));
    }

    private Future<Boolean> checked(String openid, String text) {
        if (contentCheck == null || openid == null) {
            return Future.succeededFuture(true);
        }
        // If WeChat cannot be reached, answering is better than refusing: the KB only reads the text.
        return contentCheck.apply(openid, text).otherwise(true);
    }

    /**
     * 这个回答有帮助吗: recorded per conversation and entry for the knowledge-base editors. An unhelpful
     * answer also sends its question (the latest one answered in the conversation) to the gap loop.
     */
    public Future<Void> feedback(Principal principal, String conversationId, String entryId, boolean helpful) {
        return mongo.findOne(MongoTranscripts.COLLECTION, new JsonObject().put("_id", conversationId)
                        .put("userId", principal.userId()), new JsonObject().put("turns", 1))
                .compose(found -> {
                    if (found == null) {
                        return Future.failedFuture(ProblemException.notFound("会话 " + conversationId + " 不存在"));
                    }
                    JsonObject doc = new JsonObject().put("_id", conversationId + ":" + entryId)
                            .put("conversationId", conversationId).put("entryId", entryId).put("helpful", helpful)
                            .put("userId", principal.userId()).put("at", MongoDocs.date(clock.instant()));
                    Future<Void> saved = mongo.save(FEEDBACK, doc).mapEmpty();
                    String question = helpful ? null : lastAnswered(found.getJsonArray("turns"));
                    return question == null ? saved : saved.compose(v -> lowRated.apply(question, entryId));
                });
    }

    /** The user's text of the latest turn the bot answered from the knowledge base, or null. */
    static String lastAnswered(JsonArray turns) {
        if (turns == null) {
            return null;
        }
        for (int i = turns.size() - 1; i >= 0; i--) {
            JsonObject turn = turns.getJsonObject(i);
            JsonArray replies = turn.getJsonArray("replies", new JsonArray());
            boolean answered = replies.stream().anyMatch(r -> r instanceof JsonObject reply
                    && "answer".equals(reply.getString("type")));
            String user = turn.getString("user");
            if (answered && user != null && !user.isBlank()) {
                return user;
            }
        }
        return null;
    }

    Future<ChatUser> chatUser(Principal p) {
        Future<Optional<WechatUsers.Contact>> account = users.contactOf(p.userId());
        Future<List<ChatUser.Project>> projectsOf = p.enterpriseId() == null ? Future.succeededFuture(List.of())
                : projects.ofEnterprise(p.enterpriseId(), 20)
                .map(refs -> refs.stream().map(r -> new ChatUser.Project(r.id(), r.name())).toList());
        return Future.all(account, projectsOf).map(all -> {
            boolean wechat = account.result().map(WechatUsers.Contact::wechat).orElse(false);
            String contactName = account.result().map(WechatUsers.Contact::contactName).orElse(wechat ? null : p.name());
            return new ChatUser(p.userId(), p.name(), p.enterpriseId(), contactName,
                    account.result().map(WechatUsers.Contact::phone).orElse(null),
                    projectsOf.result(), p.roles().stream().map(Enum::name).toList(), p.unitId());
        });
    }
}
