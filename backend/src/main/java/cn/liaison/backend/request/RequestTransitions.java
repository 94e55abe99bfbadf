package cn.liaison.backend.request;

import cn.liaison.backend.request.RequestStateMachine.Decision;
import io.vertx.core.json.JsonObject;

/**
 * The only code that writes a request document's {@code status}: a new request starts
 * {@code RECEIVED}, and every later status is the target of a {@link Decision} the
 * {@link RequestStateMachine} made, for people and for the system alike (intake assessment,
 * time-limit auto-close, 12345 returns). {@code RequestStatusWritersTest} keeps it so.
 */
public final class RequestTransitions {

    static final String STATUS = "status";
    private static final RequestStateMachine MACHINE = new RequestStateMachine();

    private RequestTransitions() {
    }

    /** A new request's document, in its first state (收集). */
    static JsonObject initial(JsonObject doc) {
        return doc.put(STATUS, RequestStatus.RECEIVED.name());
    }

    /** The {@code $set} part of an update that carries out a decided transition. */
    static JsonObject write(JsonObject set, Decision decision) {
        return set.put(STATUS, decision.to().name());
    }

    /** A filter: the update applies only while the request is still in {@code status}. */
    static JsonObject whileIn(RequestStatus status, JsonObject query) {
        return query.put(STATUS, status.name());
    }

    /** What the machine decides for a command the system gives (assessment, auto-close). */
    public static Decision bySystem(Command command, RequestSnapshot request) {
        return MACHINE.decide(command, request, Actor.SYSTEM, false);
    }

    /** {@link #write} for a system command decided on the request document itself. */
    public static Decision decideAndWrite(JsonObject set, Command command, JsonObject doc) {
        Decision decision = bySystem(command, RequestDocuments.snapshotOf(doc));
        write(set, decision);
        return decision;
    }
}
