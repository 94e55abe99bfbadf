package cn.liaison.backend.sla;

import cn.liaison.backend.request.RequestStatus;

import cn.liaison.backend.request.SlaPolicy;

import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which time-limit event is due for a request now (pure: no I/O). Each event has a key; the
 * scheduler records the key in the same update that sends it, so it happens exactly once. When
 * several thresholds passed while nobody looked, only the highest is sent and the lower ones are
 * marked as passed.
 */
final class SlaRules {

    /** Who hears about an event. */
    enum Audience { LIAISON, UNIT_HEADS, CITY_ADMINS, CREATOR }

    /** What kind of event: a reminder, the deadline passing, escalation, the rating invitation, auto-close. */
    enum Kind { REMIND, OVERDUE, ESCALATE, INVITE_RATING, CLOSE_UNRATED }

    /**
     * @param key     the marker under {@code sla.} that makes it happen once
     * @param covers  lower markers set together with this one
     */
    record Event(String key, List<String> covers, Kind kind, List<Audience> audience, String status, String text) {
    }

    private final WorkingCalendar calendar;
    private final SlaPolicy policy;
    private final DeadlineClock deadlines;

    SlaRules(WorkingCalendar calendar, SlaPolicy policy) {
        this.calendar = calendar;
        this.policy = policy;
        this.deadlines = new DeadlineClock(calendar, policy.escalateToCityAfter());
    }

    Optional<Event> due(JsonObject doc, Instant now) {
        String status = doc.getString("status");
        JsonObject sent = doc.getJsonObject("sla", new JsonObject());
        List<Event> candidates = new ArrayList<>();
        Optional<RequestStatus> known = java.util.Arrays.stream(RequestStatus.values())
                .filter(s -> s.name().equals(status)).findFirst();
        if (known.isEmpty()) {
            return Optional.empty(); // a status of another version: no time limit this code knows applies
        }
        switch (known.get()) {
            case ASSIGNED -> {
                clock(candidates, status, sent, "sign", instant(doc.getValue("createdAt")),
                        instant(doc.getValue("signDeadline")), now, "签收");
                clock(candidates, status, sent, "due", instant(doc.getValue("createdAt")),
                        instant(doc.getValue("activeDueAt")), now, "办结");
            }
            case ASSESSED, IN_PROGRESS -> clock(candidates, status, sent, "due",
                    instant(doc.getValue("createdAt")), instant(doc.getValue("activeDueAt")), now, "办结");
            case REWORK -> {
                JsonObject rework = doc.getJsonObject("rework", new JsonObject());
                clock(candidates, status, sent, "rework" + rework.getInteger("round", 1),
                        instant(rework.getValue("at")), instant(doc.getValue("activeDueAt")), now, "整改");
            }
            case RESPONDED -> rating(candidates, doc, sent, now);
            default -> {
            }
        }
        return candidates.stream().findFirst();
    }

    private void clock(List<Event> out, String status, JsonObject sent, String name, Instant start, Instant deadline,
                       Instant now, String what) {
        boolean liaisonClock = !"sign".equals(name);
        deadlines.due(name, liaisonClock, what, start, deadline, sent.fieldNames(), now).ifPresent(d -> out.add(switch (d.mark()) {
            case ESCALATE -> new Event(d.key(), d.covers(), Kind.ESCALATE, List.of(Audience.CITY_ADMINS, Audience.UNIT_HEADS),
                    status, d.text());
            case OVERDUE -> new Event(d.key(), d.covers(), Kind.OVERDUE, List.of(Audience.LIAISON, Audience.UNIT_HEADS),
                    status, d.text());
            case REMIND -> new Event(d.key(), d.covers(), Kind.REMIND, List.of(Audience.LIAISON), status, d.text());
        }));
    }

    private void rating(List<Event> out, JsonObject doc, JsonObject sent, Instant now) {
        Instant responded = instant(doc.getValue("respondedAt"));
        if (responded == null) {
            return;
        }
        int round = doc.getJsonObject("rework", new JsonObject()).getInteger("round", 0);
        String invite = "rating" + round + "Invite";
        String close = "rating" + round + "Close";
        Instant inviteAt = calendar.deadline(responded, policy.inviteRatingAfter()).toInstant();
        if (now.isBefore(inviteAt)) {
            return;
        }
        Instant closeAt = calendar.deadline(inviteAt, policy.closeUnratedAfter()).toInstant();
        if (!now.isBefore(closeAt) && !sent.containsKey(close)) {
            out.add(new Event(close, List.of(invite), Kind.CLOSE_UNRATED, List.of(Audience.CREATOR), RequestStatus.RESPONDED.name(),
                    "答复后逾期未评价，自动办结"));
        } else if (!sent.containsKey(invite)) {
            out.add(new Event(invite, List.of(), Kind.INVITE_RATING, List.of(Audience.CREATOR), RequestStatus.RESPONDED.name(),
                    "您的诉求已答复 " + policy.inviteRatingAfter() + " 个工作日，请对办理结果进行评价"));
        }
    }
}
