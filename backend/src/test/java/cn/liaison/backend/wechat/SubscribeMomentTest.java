package cn.liaison.backend.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.config.MiniProgramConfig.Moment;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which subscribe template a notice uses: decided by the event and when it happened, not by the request's state now. */
class SubscribeMomentTest {

    private static final Instant ANSWERED = Instant.parse("2026-11-23T02:00:00Z");

    private static Notification responded(Instant at) {
        return new Notification("n1", "r1", NotificationEvent.RESPONDED, List.of("u1"), "诉求已答复", "已答复", at);
    }

    private static JsonObject reworkOpenedAt(Instant at) {
        return new JsonObject().put("round", 1).put("at", new JsonObject().put("$date", at.toString()));
    }

    @Test
    void anAnswerFollowedByAQuickBadRatingIsStillTheAnswerNotice() {
        assertEquals(Moment.RESPONDED, SubscribeNotifier.moment(responded(ANSWERED), reworkOpenedAt(ANSWERED.plusSeconds(30))));
    }

    @Test
    void anAnswerAfterAReworkWasOpenedIsTheReworkDoneNotice() {
        assertEquals(Moment.REWORK_DONE, SubscribeNotifier.moment(responded(ANSWERED), reworkOpenedAt(ANSWERED.minusSeconds(3600))));
        assertEquals(Moment.RESPONDED, SubscribeNotifier.moment(responded(ANSWERED), null));
    }
}
