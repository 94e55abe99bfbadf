package cn.liaison.backend.platform.store;

import java.util.Timer;
import java.util.TimerTask;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when the embedded MongoDB store has closed for good (disk full): readiness is
 * already failing, no call can succeed, and only a fresh start reopens the file. The supervisor
 * (systemd {@code Restart=on-failure}, Kubernetes) starts it again; acknowledged writes are on disk
 * (every write is committed before its reply), so nothing acknowledged is lost.
 */
public final class StoreWatch {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);

    /** The exit status a supervisor sees: EX_IOERR. */
    public static final int EXIT_STATUS = 74;

    private StoreWatch() {
    }

    /** Checks {@code failed} every {@code periodMs} on a daemon timer and runs {@code exit} once when it holds. */
    public static Timer start(BooleanSupplier failed, long periodMs, Runnable exit) {
        Timer timer = new Timer("store-watch", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (failed.getAsBoolean()) {
                    LOG.error("The embedded MongoDB store closed itself (disk full or I/O error): exiting with status {} "
                            + "so the supervisor restarts the service once the disk has space", EXIT_STATUS);
                    cancel();
                    exit.run();
                }
            }
        }, periodMs, periodMs);
        return timer;
    }
}
