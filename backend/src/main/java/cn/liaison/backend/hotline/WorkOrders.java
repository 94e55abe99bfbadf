package cn.liaison.backend.hotline;

import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.Command;
import cn.liaison.backend.request.Intake;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.backend.request.PlatformCallbacks;
import cn.liaison.backend.request.Preset;
import cn.liaison.bots.domain.RatingLevel;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.hotline12345.FollowUpResult;
import cn.liaison.bots.hotline12345.WorkOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * 12345 work orders in the request loop: an order becomes a request on channel 12345 with the
 * platform's deadline, keyed by its order number (a repeat finds the same request); the platform's
 * follow-up result is its rating — not satisfied sends the request to rework like a 差评.
 */
final class WorkOrders {

    /**
     * The platform as the author of its orders. Not {@link Actor#isSystem()}: it sees only the
     * requests it created, and rates them as their owner.
     */
    static final Actor PLATFORM = new Actor(PlatformCallbacks.RECIPIENT, "12345 平台", Set.of(), null, null);

    private final RequestModule requests;

    WorkOrders(RequestModule requests) {
        this.requests = requests;
    }

    Future<Intake.Submitted> receive(WorkOrder order) {
        NewRequest in = new NewRequest(order.type().requestType(), order.requestContent(), null,
                order.district(), order.callerName(), order.callerPhone());
        Map<String, Object> source = new HashMap<>();
        source.put("orderType", order.type().wire());
        source.put("dispatchedAt", OffsetDateTime.ofInstant(order.dispatchedAt(), cn.liaison.backend.platform.store.MongoDocs.ZONE).toString());
        source.put("deadline", OffsetDateTime.ofInstant(order.deadline(), cn.liaison.backend.platform.store.MongoDocs.ZONE).toString());
        source.put("categoryCodes", new io.vertx.core.json.JsonArray(order.categoryCodes()));
        putIfPresent(source, "title", order.title());
        putIfPresent(source, "district", order.district());
        putIfPresent(source, "address", order.address());
        return requests.intake().submit(in, PLATFORM, Channel.HOTLINE_12345, order.orderNo(),
                new Preset(order.deadline(), order.orderNo(), source));
    }

    /** 回访: satisfied closes the request, not satisfied reopens it for rework. */
    Future<JsonObject> followUp(String orderNo, FollowUpResult result) {
        RatingLevel level = result.satisfied() ? RatingLevel.SATISFIED : RatingLevel.DISSATISFIED;
        String comment = result.comment() == null ? "12345 回访" : "12345 回访：" + result.comment();
        return requests.service().act(requestId(orderNo), new Command.Rate(level, comment), PLATFORM);
    }

    /** The request an order number became (see {@link Intake#requestIdFor}). */
    static String requestId(String orderNo) {
        return Intake.requestIdFor(PLATFORM.id(), orderNo);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
