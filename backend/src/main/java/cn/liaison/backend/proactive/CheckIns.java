package cn.liaison.backend.proactive;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.project.EnterpriseUsers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 无事不扰: raises a proactive task with its notice to the liaison, and decides whether the
 * enterprise also gets one check-in message. It does only while the office has started fewer than
 * the monthly limit of contacts with that enterprise (its own requests never count: it asked) and
 * none yet that day; every check-in sent is recorded as a contact. Delivery goes through the
 * task's outbox, so channels apply their quiet hours.
 */
final class CheckIns {

    private final ProactiveStore store;
    private final UserDirectory users;
    private final EnterpriseUsers enterpriseUsers;
    private final int perMonth;

    CheckIns(ProactiveStore store, UserDirectory users, EnterpriseUsers enterpriseUsers, int perMonth) {
        this.store = store;
        this.users = users;
        this.enterpriseUsers = enterpriseUsers;
        this.perMonth = perMonth;
    }

    /** True when the task is new (its trigger had not raised one before). */
    Future<Boolean> raise(JsonObject task, Instant now) {
        ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
        String month = local.toLocalDate().toString().substring(0, 7);
        String day = local.toLocalDate().toString();
        String enterpriseId = task.getString("enterpriseId");
        return store.find(task.getString("_id")).compose(existing -> existing.isPresent() ? Future.succeededFuture(false)
                : Future.all(liaisons(task), enterpriseId == null ? Future.succeededFuture(List.<JsonObject>of())
                        : store.contacts(enterpriseId, month), enterpriseId == null ? Future.succeededFuture(List.<String>of())
                        : enterpriseUsers.idsOf(enterpriseId))
                .compose(all -> {
                    List<String> staff = all.resultAt(0);
                    List<JsonObject> contacts = all.resultAt(1);
                    List<String> enterprise = all.resultAt(2);
                    JsonArray outbox = new JsonArray();
                    if (!staff.isEmpty()) {
                        outbox.add(entry(NotificationEvent.PROACTIVE_TASK, staff, "跨前对接",
                                "项目「" + task.getString("projectName") + "」" + task.getString("reason") + "，请主动联系企业："
                                        + String.join(" ", task.getJsonArray("ask").stream().map(String::valueOf).toList()), now));
                    }
                    String held = enterprise.isEmpty() ? "企业尚无小程序用户"
                            : contacts.size() >= perMonth ? "本月已主动联系 " + contacts.size() + " 次（上限 " + perMonth + " 次），不再打扰"
                            : contacts.stream().anyMatch(c -> day.equals(c.getString("day"))) ? "今天已联系过该企业" : null;
                    if (held == null) {
                        outbox.add(entry(NotificationEvent.CHECK_IN, enterprise, "人防服务问候",
                                "您好，您的项目「" + task.getString("projectName") + "」" + task.getString("reason")
                                        + "。人防方面如需帮助，可在小程序留言或联系服务联系人；无需回复。", now)
                                .put("data", new JsonObject().put("status", "主动问询").put("projectId", task.getString("projectId"))
                                        .put("summary", task.getString("projectName") + "：" + task.getString("reason"))));
                    }
                    task.put("checkIn", new JsonObject().put("sent", held == null).put("heldBack", held))
                            .put("outbox", outbox);
                    return store.insertOnce(task).compose(inserted -> !inserted || held != null ? Future.succeededFuture(inserted)
                            : store.recordContact(new JsonObject().put("_id", UUID.randomUUID().toString())
                                    .put("enterpriseId", enterpriseId).put("projectId", task.getString("projectId"))
                                    .put("month", month).put("day", day).put("at", MongoDocs.date(now))
                                    .put("kind", "CHECK_IN").put("taskId", task.getString("_id"))).map(true));
                }));
    }

    /** A contact a liaison logged when closing a task (a call, a visit): counts against the limit too. */
    Future<Void> logged(JsonObject task, String staffId, Instant now) {
        String date = now.atZone(WorkingCalendar.ZONE).toLocalDate().toString();
        return store.recordContact(new JsonObject().put("_id", UUID.randomUUID().toString())
                .put("enterpriseId", task.getString("enterpriseId")).put("projectId", task.getString("projectId"))
                .put("month", date.substring(0, 7)).put("day", date).put("at", MongoDocs.date(now))
                .put("kind", "LIAISON").put("taskId", task.getString("_id")).put("staffId", staffId));
    }

    private Future<List<String>> liaisons(JsonObject task) {
        if (task.getString("liaisonId") != null) {
            return Future.succeededFuture(List.of(task.getString("liaisonId")));
        }
        String unit = task.getString("parkId") != null ? task.getString("parkId") : task.getString("district");
        return unit == null ? Future.succeededFuture(List.of())
                : users.liaisonsOf(unit).map(list -> list.stream().map(StaffMember::id).toList());
    }

    private static JsonObject entry(NotificationEvent event, List<String> to, String title, String text, Instant now) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("event", event.name())
                .put("recipients", new JsonArray(to)).put("title", title).put("text", text)
                .put("createdAt", MongoDocs.date(now)).put("attempts", 0).put("nextAttemptAt", MongoDocs.date(now));
    }
}
