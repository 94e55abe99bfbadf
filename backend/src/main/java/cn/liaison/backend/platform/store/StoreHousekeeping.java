package cn.liaison.backend.platform.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data file's upkeep, in place of MVStore's background thread. Each write is committed by the
 * command that made it ({@link CommittingH2Backend}), and with the background thread on, MVStore
 * hands every commit to two threads of its own (one serialises the pages, one writes them) and
 * waits for both: four thread switches a commit, and on two busy cores each switch waited its turn
 * for a core while every other write waited for the store's lock. So the background thread is
 * stopped once the file is open (its write limits stay as configured), each commit runs on the
 * thread that asked for it, and this daemon runs the background thread's own step every
 * {@link #PERIOD_MS} ms, as that thread did: MVStore's housekeeping with its policy unchanged
 * (rewrite the live pages of stale chunks a bounded amount at a time, free the chunks left empty).
 * A clean stop still compacts the whole file.
 */
final class StoreHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHousekeeping.class);

    /** MVStore's own period with its default auto-commit delay (a third of 1,000 ms). */
    static final long PERIOD_MS = 333;

    private final MVStore store;
    private final ScheduledExecutorService timer;

    /** Unscheduled: {@link #tidy} only when called (tests). */
    StoreHousekeeping(MVStore store) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops {@code store}'s background thread and starts this upkeep in its place. */
    static StoreHousekeeping start(MVStore store) {
        store.setAutoCommitDelay(0); // the thread and its two executors stop; commits run where they are asked for
        StoreHousekeeping housekeeping = new StoreHousekeeping(store);
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::tidy, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** One step: what is pending committed, then MVStore's housekeeping. */
    void tidy() {
        try {
            if (!store.isClosed()) {
                org.h2.mvstore.LiaisonUpkeep.step(store);
            }
        } catch (RuntimeException e) {
            // a closed or failed store: StoreWatch ends the process; nothing to tidy until then
            LOG.debug("Store upkeep skipped: {}", e.toString());
        }
    }

    /** Stops the upkeep, waiting for a step under way (before the file closes). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
