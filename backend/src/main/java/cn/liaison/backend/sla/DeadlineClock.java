package cn.liaison.backend.sla;

import cn.liaison.backend.platform.Published;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.store.MongoDocs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The time-limit rules every clock in the office follows (pure: no I/O): a reminder when half and
 * when 80 % of the working time has passed, overdue at the deadline (to the owner and the unit
 * heads), escalation to the city office once it has been overdue a number of working days. Each
 * mark has a key (e.g. {@code due50}); whoever sends it records the key in the same update, so it
 * happens once. When several thresholds passed unseen, only the highest is returned and the lower
 * ones are listed in {@code covers}. Requests ({@link SlaRules}) and service-plan steps use it.
 */
@Published
public final class DeadlineClock {

    /** What is due: a reminder, the deadline passing, or escalation to the city office. */
    public enum Mark { REMIND, OVERDUE, ESCALATE }

    public record Due(String key, List<String> covers, Mark mark, String text) {
    }

    private final WorkingCalendar calendar;
    private final int escalateAfterWorkingDays;

    public DeadlineClock(WorkingCalendar calendar, int escalateAfterWorkingDays) {
        this.calendar = calendar;
        this.escalateAfterWorkingDays = escalateAfterWorkingDays;
    }

    /**
     * @param name      the clock's key prefix ({@code due}, {@code sign}, {@code step-3f…})
     * @param escalates whether this clock escalates to the city office after the deadline
     * @param what      the clock in words (办结, 签收, 步骤「…」)
     */
    public Optional<Due> due(String name, boolean escalates, String what, Instant start, Instant deadline,
                             Set<String> sent, Instant now) {
        if (start == null || deadline == null) {
            return Optional.empty();
        }
        String k50 = name + "50";
        String k80 = name + "80";
        String kOver = name + "Overdue";
        String kCity = name + "City";
        if (!now.isBefore(deadline)) {
            Instant cityAt = calendar.deadline(deadline, escalateAfterWorkingDays).toInstant();
            if (escalates && !now.isBefore(cityAt) && !sent.contains(kCity)) {
                return Optional.of(new Due(kCity, List.of(k50, k80, kOver), Mark.ESCALATE,
                        what + "超期已逾 " + escalateAfterWorkingDays + " 个工作日，升级至市级督办"));
            }
            if (!sent.contains(kOver)) {
                return Optional.of(new Due(kOver, List.of(k50, k80), Mark.OVERDUE, what + "时限已到，已超期，请单位负责人督办"));
            }
            return Optional.empty();
        }
        double elapsed = calendar.elapsedFraction(start, deadline.atZone(MongoDocs.ZONE), now);
        if (elapsed >= 0.8 && !sent.contains(k80)) {
            return Optional.of(new Due(k80, List.of(k50), Mark.REMIND, what + "时限已过 80%，请抓紧办理"));
        }
        if (elapsed >= 0.5 && !sent.contains(k50) && !sent.contains(k80)) {
            return Optional.of(new Due(k50, List.of(), Mark.REMIND, what + "时限已过半，请及时办理"));
        }
        return Optional.empty();
    }
}
