package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a full-text search may return, in terms an index can apply: every group must hold; a group
 * holds when any of its clauses does; a clause holds when each of its fields has one of the listed
 * values. It expresses the caller's {@link Scope} and the ledger's filters (the same rules as the
 * MongoDB filters they mirror; the ledger checks each hit against the stored request again).
 *
 * @param staff       whether internal notes may match (never for an enterprise)
 * @param overdue     null: either; true: only late open requests; false: none of those
 * @param now         the instant "overdue" is judged at
 */
@Published
public record SearchCriteria(boolean staff, List<List<Map<String, Set<String>>>> groups, Instant createdFrom,
                             Instant createdTo, Boolean overdue, Instant now) {

    public SearchCriteria {
        groups = List.copyOf(groups);
    }

    /** Fields a clause may name: the request's stored keyword fields. */
    public static final Set<String> FIELDS = Set.of("createdBy", "enterpriseId", "liaisonId", "unitId", "district",
            "status", "type", "channel", "rating");

    /** The statuses "overdue" looks at (being handled, with a deadline). */
    public static List<String> handlingStatuses() {
        return LedgerQuery.HANDLING;
    }
}
