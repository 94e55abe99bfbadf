package cn.liaison.backend.request;

import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.LeastRecentlyUsed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Who of a unit's liaisons has the fewest open tasks, for routing a new request, without asking the
 * store on every create. Each unit's liaisons and their open-task counts are read together (one
 * query for the liaisons, one count each) and kept for {@link #FRESH_NANOS}; every task this
 * instance routes from them is added to the chosen liaison's count at once, so a burst of requests
 * spreads over the liaisons as the counts in the store would spread it.
 *
 * <p>What another instance routes, and a change of the unit's staff, is seen at the next read, at
 * most a few seconds later. Any change on this instance that can move an open task (an assignment,
 * an answer, a return, a close, a reopened request, ...) drops every unit's counts, so the next
 * route reads them again; only the routing's own assessments and the changes that never move a task
 * (a reminder, a note, a supplement, an urge) keep them. Read on every create, the counts cost a
 * query for the liaisons and one count per liaison: three of the eight store commands a create made.
 */
final class LiaisonLoads implements RequestListener {

    /** How long a unit's counts serve routing before they are read again. */
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Units whose counts are kept (a city has a few dozen districts and parks). */
    private static final int UNITS = 1_000;

    /** Changes that never move an open task between liaisons or out of the active states. */
    private static final Set<Action> KEEPS_LOADS = EnumSet.of(Action.CREATE, Action.ASSESS, Action.REMIND,
            Action.NOTE, Action.SUPPLEMENT, Action.URGE);

    private final UserDirectory users;
    private final RequestRepository requests;
    private final LongSupplier nanoTime;
    private final Map<String, Loaded> units = LeastRecentlyUsed.map(UNITS);

    LiaisonLoads(UserDirectory users, RequestRepository requests, LongSupplier nanoTime) {
        this.users = users;
        this.requests = requests;
        this.nanoTime = nanoTime;
    }

    /** A unit's counts as read (or being read) at {@code at}. */
    private record Loaded(Future<Unit> unit, long at) {
    }

    /**
     * The unit's liaison with the fewest open tasks (ties to the smallest id, so routing is
     * repeatable), counted as routed to them; empty when the unit has no active liaison.
     */
    Future<Optional<StaffMember>> leastBusy(String unitId) {
        long now = nanoTime.getAsLong();
        Loaded loaded;
        synchronized (units) {
            loaded = units.get(unitId);
            boolean usable = loaded != null && !loaded.unit().failed()
                    && (!loaded.unit().isComplete() || now - loaded.at() < FRESH_NANOS);
            if (!usable) {
                loaded = new Loaded(read(unitId), now);
                units.put(unitId, loaded);
            }
        }
        return loaded.unit().map(Unit::route);
    }

    private Future<Unit> read(String unitId) {
        return users.liaisonsOf(unitId).compose(liaisons -> {
            List<StaffMember> sorted = liaisons.stream().sorted(Comparator.comparing(StaffMember::id)).toList();
            List<Future<Long>> counts = sorted.stream()
                    .map(l -> requests.count(RequestRepository.openTasksOf(l.id())))
                    .toList();
            return Future.all(counts).map(done -> new Unit(sorted, counts.stream().mapToLong(Future::result).toArray()));
        });
    }

    @Override
    public void changed(JsonObject request, Action action) {
        if (!KEEPS_LOADS.contains(action)) {
            synchronized (units) {
                units.clear();
            }
        }
    }

    /** One unit's liaisons (by id) and their open tasks, as read plus what was routed since. */
    private static final class Unit {
        private final List<StaffMember> liaisons;
        private final long[] open;

        Unit(List<StaffMember> liaisons, long[] open) {
            this.liaisons = liaisons;
            this.open = open;
        }

        synchronized Optional<StaffMember> route() {
            int best = -1;
            for (int i = 0; i < open.length; i++) {
                if (best < 0 || open[i] < open[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                return Optional.empty();
            }
            open[best]++;
            return Optional.of(liaisons.get(best));
        }
    }
}
