package cn.liaison.backend.chat;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.ratelimit.RateLimit;
import cn.liaison.bots.chat.Reply;
import cn.liaison.bots.chat.Turn;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Function;

/**
 * <pre>
 *   POST /api/v1/chat/messages   chatMessage    {text, conversationId?} → {conversationId, restarted, replies}
 *   POST /api/v1/chat/feedback   chatFeedback   {conversationId, entryId, helpful} → 204
 * </pre>
 */
final class ChatRoutes implements Routes {

    private final ChatService chat;
    /** userId → openid, for WeChat's content check; empty when unknown. */
    private final Function<String, Future<String>> openids;

    ChatRoutes(ChatService chat, Function<String, Future<String>> openids) {
        this.chat = chat;
        this.openids = openids;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("chatMessage").addHandler(this::message);
        builder.getRoute("chatFeedback").addHandler(this::feedback);
    }

    private void message(RoutingContext rc) {
        Principal me = AuthHandler.principal(rc);
        JsonObject body = rc.body().asJsonObject();
        String text = body.getString("text").strip();
        if (text.isEmpty()) {
            throw cn.liaison.backend.platform.http.ProblemException.invalid("请输入内容",
                    java.util.List.of(new cn.liaison.backend.platform.http.FieldError("text", "不能为空")));
        }
        openids.apply(me.userId())
                .compose(openid -> chat.handle(me, openid, body.getString("conversationId"), text))
                .onSuccess(turn -> rc.json(json(turn)))
                .onFailure(e -> {
                    if (e instanceof RateLimit.Exceeded exceeded) {
                        rc.response().putHeader("Retry-After", Integer.toString(exceeded.retryAfterSeconds()));
                    }
                    rc.fail(e);
                });
    }

    private void feedback(RoutingContext rc) {
        Principal me = AuthHandler.principal(rc);
        JsonObject body = rc.body().asJsonObject();
        chat.feedback(me, body.getString("conversationId"), body.getString("entryId"), body.getBoolean("helpful"))
                .onSuccess(v -> rc.response().setStatusCode(204).end())
                .onFailure(rc::fail);
    }

    static JsonObject json(Turn turn) {
        JsonArray replies = new JsonArray();
        turn.replies().forEach(r -> replies.add(reply(r)));
        return new JsonObject().put("conversationId", turn.conversationId()).put("restarted", turn.restarted())
                .put("replies", replies);
    }

    static JsonObject reply(Reply reply) {
        JsonObject json = new JsonObject().put("type", reply.type());
        if (reply instanceof Reply.Text t) {
            json.put("text", t.text());
        } else if (reply instanceof Reply.Answer a) {
            JsonArray sources = new JsonArray();
            a.sources().forEach(s -> sources.add(new JsonObject().put("title", s.title()).put("url", s.url())));
            json.put("entryId", a.entryId()).put("title", a.title()).put("markdown", a.markdown())
                    .put("topics", new JsonArray(a.topics())).put("sources", sources).put("confidence", a.confidence());
        } else if (reply instanceof Reply.Suggestions s) {
            JsonArray items = new JsonArray();
            s.items().forEach(i -> items.add(new JsonObject().put("entryId", i.entryId()).put("question", i.question())));
            json.put("items", items);
        } else if (reply instanceof Reply.Form f) {
            JsonArray fields = new JsonArray();
            f.fields().forEach(field -> fields.add(new JsonObject().put("name", field.name()).put("label", field.label())
                    .put("required", field.required()).put("options", new JsonArray(field.options()))
                    .put("value", field.name().equals("contactPhone") ? maskPhone(field.value()) : field.value())));
            json.put("fields", fields);
        } else if (reply instanceof Reply.RequestCreated r) {
            json.put("id", r.id()).put("number", r.number()).put("status", r.status());
        } else if (reply instanceof Reply.Forward f) {
            json.put("department", f.department()).put("phone", f.phone());
        }
        return json;
    }

    /** Phone numbers never leave in full towards the enterprise side. */
    static String maskPhone(String phone) {
        return phone == null ? null : MongoTranscripts.mask(phone);
    }
}
