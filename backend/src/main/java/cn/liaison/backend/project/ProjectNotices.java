package cn.liaison.backend.project;

import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The notifications a project change causes, as outbox entries written in the same update (the
 * request loop's pattern): policy matches to the enterprise (你的项目可享受…，无需申请) and its
 * liaison, 应享未享 to the liaison and unit heads, a new assignment to the liaison.
 */
final class ProjectNotices {

    private final List<JsonObject> entries = new ArrayList<>();
    private final String projectName;
    private final Instant now;

    ProjectNotices(String projectName, Instant now) {
        this.projectName = projectName;
        this.now = now;
    }

    ProjectNotices matched(PolicyMatch m, List<String> enterpriseUsers, String liaisonId) {
        add(NotificationEvent.POLICY_MATCHED, enterpriseUsers, "政策免申即享",
                "你的项目「" + projectName + "」可享受" + m.effectText() + "（" + m.title() + "），无需申请。");
        add(NotificationEvent.POLICY_MATCHED, listOf(liaisonId), "项目政策已自动适用",
                "项目「" + projectName + "」符合「" + m.title() + "」，已自动适用：" + m.effectText());
        return this;
    }

    ProjectNotices dueNotApplied(PolicyMatch m, String liaisonId, List<String> supervisors) {
        List<String> to = new ArrayList<>(supervisors);
        to.addAll(listOf(liaisonId));
        add(NotificationEvent.POLICY_DUE_NOT_APPLIED, to, "应享未享提醒",
                "项目「" + projectName + "」符合「" + m.title() + "」，但人防义务记录未体现（" + m.effectText() + "），请核实处理");
        return this;
    }

    ProjectNotices assigned(String liaisonId) {
        add(NotificationEvent.PROJECT_ASSIGNED, listOf(liaisonId), "项目分派",
                "您已被指定为项目「" + projectName + "」的联络员，请主动联系企业提供服务");
        return this;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The {@code $push} value for the outbox, or null when there is nothing to send. */
    JsonObject push() {
        return entries.isEmpty() ? null : new JsonObject().put("$each", new JsonArray(List.copyOf(entries)));
    }

    JsonArray asArray() {
        return new JsonArray(List.copyOf(entries));
    }

    private void add(NotificationEvent event, List<String> recipients, String title, String text) {
        List<String> present = recipients.stream().filter(Objects::nonNull).distinct().toList();
        if (present.isEmpty()) {
            return;
        }
        entries.add(new JsonObject()
                .put("id", UUID.randomUUID().toString())
                .put("event", event.name())
                .put("recipients", new JsonArray(present))
                .put("title", title)
                .put("text", text)
                .put("createdAt", MongoDocs.date(now))
                .put("attempts", 0)
                .put("nextAttemptAt", MongoDocs.date(now)));
    }

    private static List<String> listOf(String id) {
        return id == null ? List.of() : List.of(id);
    }
}
