package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.request.RequestProblems;
import cn.liaison.bots.hotline12345.InvalidOrderException;
import cn.liaison.bots.hotline12345.WorkOrderCodec;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 12345 platform's calls to us, signed (see bots/README.md):
 * <pre>
 *   POST /integrations/12345/orders                     receive12345Order     dispatch a work order
 *   POST /integrations/12345/orders/{orderNo}/followup  receive12345FollowUp  the caller's satisfaction
 * </pre>
 * Every call is admitted by {@link InboundGuard} (the contract's {@code x-roles: [PLATFORM_12345]})
 * before these handlers run.
 */
final class Integration12345Routes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Integration12345Routes.class);

    private final WorkOrders orders;

    private final InboundGuard guard;

    Integration12345Routes(WorkOrders orders, InboundGuard guard) {
        this.orders = orders;
        this.guard = guard;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.rootHandler(guard.edge("/integrations/12345/"));
        builder.getRoute("receive12345Order").addHandler(this::order);
        builder.getRoute("receive12345FollowUp").addHandler(this::followUp);
    }

    private void order(RoutingContext rc) {
        orders.receive(parse(() -> WorkOrderCodec.order(rc.body().asJsonObject())))
                .onSuccess(submitted -> {
                    JsonObject doc = submitted.document();
                    LOG.info("12345 order {} {} as request {}", doc.getString("orderNo"),
                            submitted.created() ? "received" : "repeated", doc.getString("number"));
                    rc.response().setStatusCode(submitted.created() ? 201 : 200);
                    rc.json(new JsonObject().put("requestId", doc.getString("_id")).put("number", doc.getString("number"))
                            .put("created", submitted.created()));
                })
                .onFailure(e -> rc.fail(RequestProblems.translate(e)));
    }

    private void followUp(RoutingContext rc) {
        String orderNo = rc.pathParam("orderNo");
        orders.followUp(orderNo, parse(() -> WorkOrderCodec.followUp(rc.body().asJsonObject())))
                .onSuccess(request -> rc.json(new JsonObject().put("requestId", request.getString("id"))
                        .put("status", request.getString("status"))))
                .onFailure(e -> rc.fail(RequestProblems.translate(e)));
    }

    private static <T> T parse(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidOrderException e) {
            throw ProblemException.invalid("工单字段不符合要求", e.fields().entrySet().stream()
                    .map(f -> new FieldError(f.getKey(), f.getValue())).toList());
        }
    }
}
