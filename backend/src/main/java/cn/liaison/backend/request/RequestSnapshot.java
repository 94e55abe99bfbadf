package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;

import java.util.Objects;

/** What the state machine needs to know about a request to decide an action. */
public record RequestSnapshot(
        String id,
        long version,
        RequestStatus status,
        Channel channel,
        RequestType type,
        String unitId,
        String liaisonId,
        String enterpriseId,
        String createdById,
        ExtensionState extension) {

    public RequestSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        extension = extension == null ? ExtensionState.NONE : extension;
    }

    /** The same request in another state (a system command that follows another in one update). */
    public RequestSnapshot withStatus(RequestStatus next) {
        return new RequestSnapshot(id, version, next, channel, type, unitId, liaisonId, enterpriseId, createdById, extension);
    }

    /** 延期 state: one request may ask once. */
    public enum ExtensionState { NONE, PENDING, APPROVED, REJECTED }
}
