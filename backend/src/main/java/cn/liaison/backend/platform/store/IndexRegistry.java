package cn.liaison.backend.platform.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every index the service relies on, in one place: collection → indexes. Each repository applies
 * its collection's entries at start ({@link #apply}); a real MongoDB gets them as declared, and the
 * embedded store serves them too (unique ones from MVStore, the others in memory). QueryCoverageIT
 * lists the filters the service sends next to the index that served each.
 */
public final class IndexRegistry {

    /** One index: its keys (in order, 1 or -1) and whether it is unique. */
    public record Spec(JsonObject keys, boolean unique) {
        static Spec of(boolean unique, Object... fieldsAndDirections) {
            JsonObject keys = new JsonObject();
            for (int i = 0; i < fieldsAndDirections.length; i += 2) {
                keys.put((String) fieldsAndDirections[i], fieldsAndDirections[i + 1]);
            }
            return new Spec(keys, unique);
        }
    }

    private static final Map<String, List<Spec>> INDEXES = new LinkedHashMap<>();

    static {
        declare("requests",
                Spec.of(true, "number", 1),
                // the ledger's first page for the city and scopes that are an $or (walked newest first)
                Spec.of(false, "createdAt", -1),
                // SLA scan and every open-status filter
                Spec.of(false, "status", 1, "activeDueAt", 1),
                Spec.of(false, "unitId", 1, "createdAt", -1),
                // a liaison's inbox and open-task count (Assessor.leastBusy)
                Spec.of(false, "liaisonId", 1, "status", 1),
                Spec.of(false, "enterpriseId", 1, "createdAt", -1),
                // the outbox dispatcher: entries due now
                Spec.of(false, "outbox.nextAttemptAt", 1));
        declare("users", Spec.of(true, "username", 1));
        declare("units", Spec.of(true, "parentId", 1, "name", 1));
        declare("enterprises", Spec.of(true, "creditCode", 1));
        declare("hotline_calls", Spec.of(false, "outcomeAt", 1));
        declare("conversations", Spec.of(false, "updatedAt", 1));
        declare("enterprise_bindings", Spec.of(false, "userId", 1));
        declare("projects",
                Spec.of(false, "enterpriseId", 1),
                Spec.of(false, "district", 1, "parkId", 1),
                Spec.of(false, "outbox.nextAttemptAt", 1));
        declare("service_plans",
                // the plan-deadlines job: running plans due for a look
                Spec.of(false, "status", 1, "nextDueAt", 1),
                Spec.of(false, "createdAt", -1),
                Spec.of(false, "enterpriseId", 1),
                Spec.of(false, "outbox.nextAttemptAt", 1));
        declare("proactive_tasks",
                Spec.of(false, "createdAt", -1),
                Spec.of(false, "outbox.nextAttemptAt", 1));
        declare("proactive_contacts", Spec.of(false, "enterpriseId", 1, "month", 1));
        declare("site_visits",
                Spec.of(false, "projectId", 1, "date", -1),
                Spec.of(false, "district", 1, "visitedAt", 1));
    }

    private IndexRegistry() {
    }

    private static void declare(String collection, Spec... specs) {
        INDEXES.put(collection, List.of(specs));
    }

    /** Collection → its indexes, in declaration order. */
    public static Map<String, List<Spec>> all() {
        return INDEXES;
    }

    public static List<Spec> of(String collection) {
        return INDEXES.getOrDefault(collection, List.of());
    }

    /** Creates the collection's declared indexes (existing ones are left as they are). */
    public static Future<Void> apply(MongoClient mongo, String collection) {
        List<Future<Void>> created = new ArrayList<>();
        for (Spec spec : of(collection)) {
            created.add(mongo.createIndexWithOptions(collection, spec.keys(), new IndexOptions().unique(spec.unique())));
        }
        return Future.all(created).mapEmpty();
    }
}
