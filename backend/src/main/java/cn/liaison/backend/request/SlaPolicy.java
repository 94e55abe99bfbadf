package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.bots.domain.RequestType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Time limits in working days (限时办结), and when reminders, escalation and follow-up happen.
 *
 * @param signDays              签收: days to sign for an assigned task
 * @param completionDays        办结: days to respond, by request type
 * @param reworkDays            整改: days to respond again after a bad rating
 * @param escalateToCityAfter   days past a deadline before the city office is told too
 * @param inviteRatingAfter     days after a response before an unrated request is invited to rate
 * @param closeUnratedAfter     days after that invitation before it closes without a rating
 */
@Published
public record SlaPolicy(
        int signDays,
        Map<RequestType, Integer> completionDays,
        int reworkDays,
        int escalateToCityAfter,
        int inviteRatingAfter,
        int closeUnratedAfter) {

    public SlaPolicy {
        completionDays = Map.copyOf(completionDays);
        for (RequestType type : RequestType.values()) {
            if (completionDays.getOrDefault(type, 0) < 1) {
                throw new IllegalArgumentException("no completion time limit for " + type);
            }
        }
        if (signDays < 1 || reworkDays < 1 || escalateToCityAfter < 1 || inviteRatingAfter < 1 || closeUnratedAfter < 1) {
            throw new IllegalArgumentException("time limits must be at least one working day");
        }
    }

    /** Consultations 3 working days, demands and complaints 5; signing for a task 1; rework 5. */
    public static SlaPolicy defaults() {
        Map<RequestType, Integer> days = new EnumMap<>(RequestType.class);
        days.put(RequestType.CONSULT, 3);
        days.put(RequestType.DEMAND, 5);
        days.put(RequestType.COMPLAINT, 5);
        days.put(RequestType.SUGGESTION, 5);
        days.put(RequestType.PRAISE, 3);
        return new SlaPolicy(1, days, 5, 2, 3, 7);
    }

    public int completionDays(RequestType type) {
        return completionDays.get(type);
    }
}
