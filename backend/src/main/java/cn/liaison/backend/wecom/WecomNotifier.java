package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.identity.WecomAccounts;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.outbox.DeliveryDeferred;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.outbox.Notifier;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WeCom application messages (应用消息) to staff: a text card per recipient linking to what it is
 * about on the mobile page (a task, a service plan, a proactive task). Each member's delivery is remembered in Redis, so a retry after a partial failure
 * only sends to the rest. Quiet hours, the half-day reminder rule and WeCom's per-member limits hold
 * a message back (the outbox tries again when it may go); a refused send fails with WeCom's reason,
 * which ends up on the request if it keeps failing. Enterprise users and staff without a WeCom
 * link are skipped.
 */
@Published
public final class WecomNotifier implements Notifier {

    private static final String SENT_TTL_S = Long.toString(Duration.ofDays(30).toSeconds());
    private static final String REMINDED_TTL_S = Long.toString(Duration.ofHours(13).toSeconds());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final WecomClient client;
    private final WecomAccounts accounts;
    private final RedisAPI redis;
    private final DeliveryPolicy policy;
    private final SendThrottle throttle;
    private final String publicBaseUrl;
    private final Clock clock;

    /** @param publicBaseUrl where users reach the service; cards link to the phone page under it ({@link StaffLinks}) */
    public WecomNotifier(WecomClient client, WecomAccounts accounts, RedisAPI redis, QuietHours quietHours,
                         String publicBaseUrl, Clock clock) {
        this.client = client;
        this.accounts = accounts;
        this.redis = redis;
        this.policy = new DeliveryPolicy(quietHours);
        this.throttle = new SendThrottle(redis);
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "wecom";
    }

    @Override
    public Future<Void> send(Notification n) {
        List<Future<Void>> sends = new ArrayList<>();
        for (String userId : n.recipientIds()) {
            sends.add(accounts.wecomUserOf(userId).compose(member -> member.isEmpty()
                    ? Future.succeededFuture() : sendTo(n, userId, member.get())));
        }
        return Future.join(sends).transform(ignored -> combine(sends));
    }

    private Future<Void> sendTo(Notification n, String userId, String member) {
        Instant now = clock.instant();
        String sentKey = "wecom:sent:" + n.id() + ":" + userId;
        String remindedKey = "wecom:reminded:" + n.requestId() + ":" + userId + ":" + DeliveryPolicy.halfDay(now);
        return redis.exists(List.of(sentKey)).compose(sent -> sent.toInteger() > 0 ? Future.succeededFuture()
                : redis.exists(List.of(remindedKey)).compose(reminded -> {
                    Optional<Instant> hold = policy.holdUntil(n.event(), now, reminded.toInteger() > 0);
                    if (hold.isPresent()) {
                        return Future.failedFuture(new DeliveryDeferred(hold.get(),
                                policy.describeHold(n.event(), now, hold.get())));
                    }
                    return throttle.take(member, now).compose(limited -> limited.isPresent()
                            ? Future.failedFuture(new DeliveryDeferred(limited.get(), "已达企业微信每人发送上限，稍后发送"))
                            : deliver(n, member, sentKey, remindedKey));
                }));
    }

    private Future<Void> deliver(Notification n, String member, String sentKey, String remindedKey) {
        return client.sendTextCard(member, fit(n.title(), 128), fit(description(n), 512),
                        StaffLinks.url(publicBaseUrl, n.event(), n.requestId()))
                .compose(done -> redis.set(List.of(sentKey, "1", "EX", SENT_TTL_S)))
                .compose(done -> n.event() == NotificationEvent.REMINDER
                        ? redis.set(List.of(remindedKey, "1", "EX", REMINDED_TTL_S)) : Future.succeededFuture())
                .mapEmpty();
    }

    private static Future<Void> combine(List<Future<Void>> sends) {
        Throwable failure = null;
        DeliveryDeferred earliest = null;
        for (Future<Void> send : sends) {
            if (send.cause() instanceof DeliveryDeferred d) {
                earliest = earliest == null || d.notBefore().isBefore(earliest.notBefore()) ? d : earliest;
            } else if (send.cause() != null && failure == null) {
                failure = send.cause();
            }
        }
        return failure != null ? Future.failedFuture(failure)
                : earliest != null ? Future.failedFuture(earliest) : Future.succeededFuture();
    }

    private static String description(Notification n) {
        String when = TIME.format(n.createdAt().atZone(WorkingCalendar.ZONE));
        return "<div class=\"gray\">" + when + "</div><div class=\"normal\">" + escape(n.text()) + "</div>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** WeCom counts UTF-8 bytes; cut at a character boundary and mark the cut. */
    static String fit(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 3;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
