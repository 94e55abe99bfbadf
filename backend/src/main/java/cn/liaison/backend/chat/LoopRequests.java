package cn.liaison.backend.chat;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.request.ActionNotAllowedException;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.UrgeTooSoonException;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.Command;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.bots.domain.RatingLevel;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.request.RequestStatus;
import cn.liaison.bots.domain.RequestType;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.chat.ChatUser;
import cn.liaison.bots.chat.Ports;
import cn.liaison.bots.chat.RequestDraft;
import cn.liaison.bots.chat.RequestSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/**
 * The request loop as the chat bot's port: requests are created through intake (channel
 * MINIPROGRAM, idempotent per draft), listed like the enterprise's own ledger, and rated through
 * the state machine with the user's own permissions.
 */
final class LoopRequests implements Ports.Requests {

    private final RequestModule requests;

    LoopRequests(RequestModule requests) {
        this.requests = requests;
    }

    private static Actor actor(ChatUser user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        user.roles().forEach(r -> roles.add(Role.valueOf(r)));
        return new Actor(user.userId(), user.name(), roles, user.unitId(), user.enterpriseId());
    }

    @Override
    public Future<RequestSummary> submit(ChatUser user, RequestDraft draft) {
        NewRequest in = new NewRequest(RequestType.valueOf(draft.type()), draft.content(), draft.projectId(), draft.district(),
                draft.contactName(), draft.contactPhone());
        return requests.intake().submit(in, actor(user), Channel.MINIPROGRAM, "chat:" + draft.key())
                .map(submitted -> summary(submitted.document()));
    }

    @Override
    public Future<List<RequestSummary>> mine(ChatUser user, int limit) {
        return requests.queries().mine(user.userId(), user.enterpriseId(), limit)
                .map(docs -> docs.stream().map(LoopRequests::summary).toList());
    }

    @Override
    public Future<RequestSummary> rate(ChatUser user, String requestId, int level, String comment) {
        RatingLevel rating = RatingLevel.values()[level - 1];
        return requests.service().act(requestId, new Command.Rate(rating, comment), actor(user))
                .compose(rendered -> requests.queries().document(requestId))
                .map(found -> summary(found.orElseThrow()));
    }

    @Override
    public Future<RequestSummary> urge(ChatUser user, String requestId) {
        return requests.service().act(requestId, new Command.Urge("（在小程序对话中催办）"), actor(user))
                .recover(e -> Future.failedFuture(e instanceof UrgeTooSoonException ? new Ports.Refused(e.getMessage())
                        : e instanceof ActionNotAllowedException ? new Ports.Refused("该诉求当前不在办理中") : e))
                .compose(rendered -> requests.queries().document(requestId))
                .map(found -> summary(found.orElseThrow()));
    }

    static RequestSummary summary(JsonObject doc) {
        String stored = doc.getString("status");
        java.util.Optional<RequestStatus> known = java.util.Arrays.stream(RequestStatus.values())
                .filter(s -> s.name().equals(stored)).findFirst();
        Object due = doc.getValue("activeDueAt") != null ? doc.getValue("activeDueAt") : doc.getValue("dueAt");
        if (known.isEmpty()) { // a status of another version: shown as unknown, nothing to do on it
            return new RequestSummary(doc.getString("_id"), doc.getString("number"), stored,
                    cn.liaison.backend.platform.store.StoredValues.unknownLabel(stored), doc.getString("content"),
                    MongoDocs.apiTime(MongoDocs.instant(due)), false, false);
        }
        RequestStatus status = known.get();
        return new RequestSummary(doc.getString("_id"), doc.getString("number"), status.name(), status.label(),
                doc.getString("content"), MongoDocs.apiTime(MongoDocs.instant(due)),
                status == RequestStatus.RESPONDED,
                // the state machine's URGE rule: still being handled, not waiting for the rating
                status.isOpen() && status != RequestStatus.RESPONDED);
    }
}
