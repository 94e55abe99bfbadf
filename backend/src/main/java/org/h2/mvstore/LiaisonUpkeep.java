package org.h2.mvstore;

/**
 * A bridge into MVStore's package (this project's, not H2's): one step of the upkeep MVStore's own
 * background thread runs (commit what is pending, then its housekeeping: rewrite the live pages of
 * stale chunks, free the chunks left empty, move chunks to shrink a fragmented file), called from a
 * thread of the caller's choosing. The step is package-private in H2 2.3; the service opens its data
 * file without the background thread (see the backend's {@code StoreHousekeeping}) and runs this
 * instead, with the same policy and limits as before.
 */
public final class LiaisonUpkeep {

    private LiaisonUpkeep() {
    }

    /** One pass of MVStore's background work on {@code store}. */
    public static void step(MVStore store) {
        FileStore<?> files = store.getFileStore();
        if (files != null) {
            files.writeInBackground();
        }
    }
}
