package cn.liaison.backend.chat;

import cn.liaison.bots.chat.DialogueState;
import cn.liaison.bots.chat.Ports;
import cn.liaison.bots.chat.RequestDraft;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Dialogue state in Redis ({@code chat:state:<conversationId>}), refreshed on every turn and gone
 * after the idle timeout. An unreadable entry counts as gone: the bot restarts politely.
 */
final class RedisDialogueStates implements Ports.States {

    static final String PREFIX = "chat:state:";

    private final RedisAPI redis;
    private final Duration idle;

    RedisDialogueStates(RedisAPI redis, Duration idle) {
        this.redis = redis;
        this.idle = idle;
    }

    @Override
    public Future<Optional<DialogueState>> load(String conversationId) {
        return cn.liaison.backend.platform.store.Ephemeral.read("the dialogue", redis.get(PREFIX + conversationId).map(value -> {
            if (value == null) {
                return Optional.<DialogueState>empty();
            }
            try {
                return Optional.of(fromJson(new JsonObject(value.toString())));
            } catch (RuntimeException e) {
                return Optional.<DialogueState>empty();
            }
        }), Optional::empty);
    }

    @Override
    public Future<Void> save(DialogueState state) {
        return cn.liaison.backend.platform.store.Ephemeral.write("the dialogue", redis.set(List.of(PREFIX + state.conversationId(),
                toJson(state).encode(), "EX", Long.toString(idle.toSeconds()))));
    }

    static JsonObject toJson(DialogueState s) {
        JsonObject json = new JsonObject().put("id", s.conversationId()).put("userId", s.userId())
                .put("phase", s.phase().name()).put("ratingRequestId", s.ratingRequestId())
                .put("lastQuestion", s.lastQuestion()).put("turns", s.turns());
        RequestDraft d = s.draft();
        if (d != null) {
            json.put("draft", new JsonObject().put("key", d.key()).put("type", d.type()).put("description", d.description())
                    .put("projectId", d.projectId()).put("projectName", d.projectName())
                    .put("contactName", d.contactName()).put("contactPhone", d.contactPhone())
                    .put("district", d.district()).put("needsDistrict", d.needsDistrict()));
        }
        return json;
    }

    static DialogueState fromJson(JsonObject j) {
        JsonObject d = j.getJsonObject("draft");
        RequestDraft draft = d == null ? null : new RequestDraft(d.getString("key"), d.getString("type"),
                d.getString("description"), d.getString("projectId"), d.getString("projectName"),
                d.getString("contactName"), d.getString("contactPhone"), d.getString("district"),
                d.getBoolean("needsDistrict", false));
        return new DialogueState(j.getString("id"), j.getString("userId"), DialogueState.Phase.valueOf(j.getString("phase")),
                draft, j.getString("ratingRequestId"), j.getString("lastQuestion"), j.getInteger("turns", 0));
    }
}
