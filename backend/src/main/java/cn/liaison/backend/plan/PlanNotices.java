package cn.liaison.backend.plan;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Outbox entries a plan change causes, written in the same update as the change (the request loop's pattern). */
final class PlanNotices {

    private final List<JsonObject> entries = new ArrayList<>();
    private final Instant now;

    PlanNotices(Instant now) {
        this.now = now;
    }

    PlanNotices add(NotificationEvent event, Collection<String> recipients, String title, String text) {
        return add(event, recipients, title, text, null);
    }

    /**
     * A progress notice to the enterprise, with what its WeChat subscribe message shows: the progress
     * in a few Chinese words ({@code status}, at most five characters) and the plan's title.
     */
    PlanNotices progress(Collection<String> enterprise, JsonObject plan, String status, String text) {
        return add(NotificationEvent.PLAN_PROGRESS, enterprise, "服务方案进展", text,
                new JsonObject().put("status", status).put("summary", plan.getString("title")));
    }

    private PlanNotices add(NotificationEvent event, Collection<String> recipients, String title, String text, JsonObject data) {
        List<String> present = recipients.stream().filter(Objects::nonNull).distinct().toList();
        if (!present.isEmpty()) {
            entries.add(new JsonObject()
                    .put("id", UUID.randomUUID().toString())
                    .put("event", event.name())
                    .put("recipients", new JsonArray(present))
                    .put("title", title)
                    .put("text", text)
                    .put("createdAt", MongoDocs.date(now))
                    .put("attempts", 0)
                    .put("nextAttemptAt", MongoDocs.date(now)));
            if (data != null) {
                entries.get(entries.size() - 1).put("data", data);
            }
        }
        return this;
    }

    JsonArray asArray() {
        return new JsonArray(List.copyOf(entries));
    }

    /** Adds the {@code $push} of these entries (and of {@code history}) to an update. */
    JsonObject pushInto(JsonObject update, JsonObject history) {
        JsonObject push = update.getJsonObject("$push", new JsonObject());
        if (!entries.isEmpty()) {
            push.put("outbox", new JsonObject().put("$each", asArray()));
        }
        if (history != null) {
            push.put("history", history);
        }
        if (!push.isEmpty()) {
            update.put("$push", push);
        }
        return update;
    }
}
