package cn.liaison.backend.platform.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.mongo.MongoClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * MongoDB calls as client spans of the request that makes them. vertx-mongo-client has no tracing
 * hook of its own (unlike the Vert.x HTTP and Redis clients), so every call of the shared client
 * that returns a {@link Future} goes through Vert.x's tracer SPI here, the way Vert.x's own clients
 * do: a span only inside a traced request ({@link TracingPolicy#PROPAGATE}; background jobs make
 * none), named {@code mongodb <operation>}, with {@code db.system}, {@code db.operation.name} and
 * {@code db.collection.name}. Without a tracer (tracing off) calls go straight through.
 */
final class TracedMongo {

    private TracedMongo() {
    }

    /** What a span says about one call. */
    record Call(String operation, String collection) {
    }

    private static final TagExtractor<Call> TAGS = new TagExtractor<>() {
        @Override
        public int len(Call call) {
            return call.collection() == null ? 2 : 3;
        }

        @Override
        public String name(Call call, int index) {
            return switch (index) {
                case 0 -> "db.system";
                case 1 -> "db.operation.name";
                default -> "db.collection.name";
            };
        }

        @Override
        public String value(Call call, int index) {
            return switch (index) {
                case 0 -> "mongodb";
                case 1 -> call.operation();
                default -> call.collection();
            };
        }
    };

    static MongoClient wrap(Vertx vertx, MongoClient inner) {
        if (((io.vertx.core.internal.VertxInternal) vertx).tracer() == null) {
            return inner;
        }
        return (MongoClient) Proxy.newProxyInstance(MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class},
                (proxy, method, args) -> invoke(inner, method, args));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object invoke(MongoClient inner, Method method, Object[] args) throws Throwable {
        Context current = Vertx.currentContext();
        VertxTracer tracer = current instanceof ContextInternal internal ? internal.tracer() : null;
        if (tracer == null || !Future.class.isAssignableFrom(method.getReturnType())) {
            return call(inner, method, args);
        }
        String collection = args != null && args.length > 0 && args[0] instanceof String name && !method.getName().equals("runCommand")
                ? name : null;
        Call call = new Call(method.getName(), collection);
        Object span = tracer.sendRequest(current, SpanKind.RPC, TracingPolicy.PROPAGATE, call, "mongodb " + method.getName(),
                (k, v) -> { }, TAGS);
        Future<Object> result = (Future<Object>) call(inner, method, args);
        return result.andThen(done -> tracer.receiveResponse(current, done.succeeded() ? call : null, span, done.cause(),
                (TagExtractor) TagExtractor.empty()));
    }

    private static Object call(MongoClient inner, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
