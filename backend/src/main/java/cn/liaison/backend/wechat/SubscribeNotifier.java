package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.store.StoredCollection;

import cn.liaison.backend.config.MiniProgramConfig.Moment;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * 订阅消息 to enterprise users who signed in with WeChat, when their request is accepted (受理 —
 * the RECEIVED notification), answered, answered again after a rectification, and when they are
 * invited to rate. Recipients without an openid (staff, password accounts) are skipped. Each
 * recipient's delivery is remembered, so an outbox retry sends only to those still missing. Notices
 * about inspections, service plans and check-ins are built by {@link NoticeMessages}.
 * WeChat's 43101 (no subscription left) is recorded in {@code wechat_subscribe_log} and not retried.
 */
@Published
public final class SubscribeNotifier implements Notifier {

    static final String LOG_COLLECTION = WechatCollections.SUBSCRIBE_LOG.name();
    static final String PAGE = "pages/requests/detail?id=";
    private static final String SENT_TTL_S = Long.toString(Duration.ofDays(30).toSeconds());

    private final WechatApi api;
    private final MongoClient mongo;
    private final RedisAPI redis;
    private final Map<Moment, String> templates;
    private final Map<String, String> fieldKeys;
    private final Function<String, Future<Optional<String>>> openids;
    private final Function<String, Future<Optional<JsonObject>>> requests;
    private final Clock clock;

    /**
     * @param openids  userId → openid
     * @param requests requestId → its number, content and rework (the request loop's query port)
     */
    public SubscribeNotifier(WechatApi api, MongoClient mongo, RedisAPI redis, Map<Moment, String> templates,
                             Map<String, String> fieldKeys, Function<String, Future<Optional<String>>> openids,
                             Function<String, Future<Optional<JsonObject>>> requests, Clock clock) {
        this.api = api;
        this.requests = requests;
        this.mongo = mongo;
        this.redis = redis;
        this.templates = templates;
        this.fieldKeys = fieldKeys;
        this.openids = openids;
        this.clock = clock;
    }

    /** The WeChat collections (push inbox, subscribe log), declared by the feature that runs WeChat. */
    public static StoredCollection[] collections() {
        return new StoredCollection[] {WechatCollections.MESSAGES, WechatCollections.SUBSCRIBE_LOG};
    }

    @Override
    public String name() {
        return "wechat-subscribe";
    }

    @Override
    public boolean handles(Notification n) {
        return switch (n.event()) {
            case RECEIVED -> templates.containsKey(Moment.ACCEPTED);
            case RESPONDED -> templates.containsKey(Moment.RESPONDED) || templates.containsKey(Moment.REWORK_DONE);
            case RATING_INVITED -> templates.containsKey(Moment.RATING);
            default -> NoticeMessages.moment(n).map(templates::containsKey).orElse(false);
        };
    }

    @Override
    public Future<Void> send(Notification n) {
        if (NoticeMessages.moment(n).isPresent()) {
            return sendNotice(n);
        }
        return requests.apply(n.requestId()).map(found -> found.orElse(null))
                .compose(request -> {
                    if (request == null) {
                        return Future.succeededFuture();
                    }
                    Moment moment = moment(n, request.getJsonObject("rework"));
                    String template = templates.get(moment);
                    if (template == null) {
                        return Future.succeededFuture();
                    }
                    Map<String, String> data = data(moment, request, n);
                    List<Future<Void>> sends = new ArrayList<>();
                    for (String userId : n.recipientIds()) {
                        sends.add(sendTo(userId, n, template, data));
                    }
                    return Future.all(sends).mapEmpty();
                });
    }

    /**
     * The moment the notification was raised for, from the event and what the request was then: an
     * answer is a rework's completion only when the rework was opened before it. The request's state
     * now does not decide (a quick 差评 right after an answer opens a rework before the notice goes out).
     */
    static Moment moment(Notification n, JsonObject rework) {
        Instant reworkOpened = rework == null ? null : MongoDocs.instant(rework.getValue("at"));
        return switch (n.event()) {
            case RECEIVED -> Moment.ACCEPTED;
            case RATING_INVITED -> Moment.RATING;
            default -> reworkOpened != null && reworkOpened.isBefore(n.createdAt()) ? Moment.REWORK_DONE : Moment.RESPONDED;
        };
    }

    private Map<String, String> data(Moment moment, JsonObject request, Notification n) {
        String status = switch (moment) {
            case ACCEPTED -> "已受理";
            case RESPONDED -> "已答复";
            case REWORK_DONE -> "整改完成";
            default -> "待评价";
        };
        Map<String, String> ours = Map.of("number", request.getString("number", ""), "status", status,
                "summary", request.getString("content", n.title()), "time", TemplateValues.time(n.createdAt()));
        Map<String, String> data = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> data.put(key, TemplateValues.fit(key, ours.get(field))));
        return data;
    }

    /** An inspection, a plan's progress or a check-in: the message comes from the notice alone. */
    private Future<Void> sendNotice(Notification n) {
        Optional<NoticeMessages.Message> message = NoticeMessages.of(n, templates, fieldKeys);
        if (message.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Future<Void>> sends = new ArrayList<>();
        for (String userId : n.recipientIds()) {
            sends.add(sendTo(userId, n, message.get().template(), message.get().data(), message.get().page()));
        }
        return Future.all(sends).mapEmpty();
    }

    private Future<Void> sendTo(String userId, Notification n, String template, Map<String, String> data) {
        return sendTo(userId, n, template, data, PAGE + n.requestId());
    }

    private Future<Void> sendTo(String userId, Notification n, String template, Map<String, String> data, String page) {
        String sentKey = "subscribe:sent:" + n.id() + ":" + userId;
        return redis.exists(List.of(sentKey)).compose(done -> done != null && done.toInteger() > 0 ? Future.succeededFuture()
                : openids.apply(userId).compose(openid -> openid.isEmpty() ? Future.succeededFuture()
                : api.sendSubscribe(openid.get(), template, page, data)
                .compose(ok -> record(n, userId, template, "SENT"))
                .recover(e -> e instanceof WechatApi.WechatException we && we.errcode() == WechatApi.NO_SUBSCRIPTION
                        ? record(n, userId, template, "NO_SUBSCRIPTION")
                        : Future.failedFuture(e))
                .compose(v -> redis.set(List.of(sentKey, "1", "EX", SENT_TTL_S)).mapEmpty())));
    }

    private Future<Void> record(Notification n, String userId, String template, String result) {
        return mongo.save(LOG_COLLECTION, new JsonObject().put("_id", n.id() + ":" + userId)
                .put("notificationId", n.id()).put("requestId", n.requestId()).put("event", n.event().name())
                .put("userId", userId).put("templateId", template).put("result", result)
                .put("at", MongoDocs.date(clock.instant()))).mapEmpty();
    }
}
