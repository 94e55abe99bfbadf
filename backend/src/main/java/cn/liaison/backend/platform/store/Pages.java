package cn.liaison.backend.platform.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Function;

/**
 * Works through a collection a page at a time (keyset paging: each page says where the next
 * begins) and adds up what each page reports.
 *
 * <p>A loop of callbacks, on purpose. Written as a recursion of {@code compose}
 * ({@code page(after).compose(p -> … page(p.next()))}), every level's future stays linked to the
 * next one's, with the lambda that holds its page, until the last page: the walk keeps everything
 * it read. The request search rebuild did that and filled a 6 GB heap at 1,000,000 requests. Here a
 * page is garbage once the next one is asked for.
 */
public final class Pages {

    /** What one page did, and where the next begins ({@code null}: this was the last). */
    public record Step<C>(long count, C next) {
        public static <C> Step<C> last(long count) {
            return new Step<>(count, null);
        }
    }

    private Pages() {
    }

    /**
     * Calls {@code page} with {@code first}, then with each step's {@code next} until one has none;
     * completes with the sum of the counts, or with the first failure.
     */
    public static <C> Future<Long> walk(C first, Function<C, Future<Step<C>>> page) {
        Promise<Long> done = Promise.promise();
        step(first, 0, page, done);
        return done.future();
    }

    private static <C> void step(C cursor, long total, Function<C, Future<Step<C>>> page, Promise<Long> done) {
        Future<Step<C>> next;
        try {
            next = page.apply(cursor);
        } catch (RuntimeException e) {
            next = Future.failedFuture(e);
        }
        next.onComplete(result -> {
            if (result.failed()) {
                done.fail(result.cause());
            } else if (result.result().next() == null) {
                done.complete(total + result.result().count());
            } else {
                step(result.result().next(), total + result.result().count(), page, done);
            }
        });
    }
}
