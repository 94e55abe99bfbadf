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
 * for a core while every other write waited for the store's lock. So the file is opened without
 * the background thread, each commit runs on the thread that asked for it, and this daemon does the
 * one other thing the background thread did: every {@link #PERIOD_MS} ms, while the chunks are
 * less than {@link #FILL_PERCENT}% live, it copies at most {@link #WRITE_BYTES} of the live pages of
 * the emptiest chunks forward and commits, so the chunks they leave hold nothing and their space is
 * used again. Small steps: the store's lock is held for one of them, never for a pass over the file.
 * A clean stop still compacts the whole file as before.
 */
final class StoreHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHousekeeping.class);

    static final long PERIOD_MS = 250;
    static final int FILL_PERCENT = 60;
    static final int WRITE_BYTES = 512 * 1024;

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

    /** Starts the upkeep of {@code store}, which must have been opened with auto-commit off. */
    static StoreHousekeeping start(MVStore store) {
        StoreHousekeeping housekeeping = new StoreHousekeeping(store);
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::tidy, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** One step; true when it moved pages. */
    boolean tidy() {
        try {
            if (store.isClosed() || store.getFileStore().getChunksFillRate() >= FILL_PERCENT) {
                return false;
            }
            boolean moved = store.compact(FILL_PERCENT, WRITE_BYTES);
            if (moved && !store.isClosed()) {
                store.commit();
            }
            return moved;
        } catch (RuntimeException e) {
            // a closed or failed store: StoreWatch ends the process; nothing to tidy until then
            LOG.debug("Store upkeep skipped: {}", e.toString());
            return false;
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
