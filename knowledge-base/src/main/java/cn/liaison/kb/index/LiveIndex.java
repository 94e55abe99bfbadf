package cn.liaison.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The index in service, swapped atomically when content changes. A search holds a reference on
 * the index it started with, so a swap never closes an index under a running search; the old
 * index is released once its last search ends.
 */
public final class LiveIndex implements AutoCloseable {
    private final AtomicReference<KbIndex> current;

    public LiveIndex(KbIndex initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public KbIndex current() {
        return current.get();
    }

    public SearchOutcome search(String question) {
        return search(question, Audience.CHAT);
    }

    public SearchOutcome search(String question, Audience audience) {
        return with(index -> index.search(question, audience));
    }

    /** Runs {@code work} on the index in service, holding a reference so a swap cannot close it meanwhile. */
    public <T> T with(java.util.function.Function<KbIndex, T> work) {
        while (true) {
            KbIndex index = current.get();
            if (index.tryIncRef()) {
                try {
                    return work.apply(index);
                } finally {
                    release(index);
                }
            }
            if (current.get() == index) {
                throw new IllegalStateException("the live index is closed");
            }
        }
    }

    /** Puts {@code next} in service; searches that already started finish on the old index. */
    public void swap(KbIndex next) {
        release(current.getAndSet(Objects.requireNonNull(next, "next")));
    }

    private static void release(KbIndex index) {
        try {
            index.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release(current.get());
    }
}
