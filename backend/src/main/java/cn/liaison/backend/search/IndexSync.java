package cn.liaison.backend.search;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed between instances: every instance appends each request change it makes (id and
 * version) to one Redis stream, and every instance reads the stream from where it last was, once a
 * second, and re-indexes what it has not seen at that version. The stream keeps the last
 * {@value #KEEP} changes; an instance that fell further behind (or whose position is gone) rebuilds.
 */
final class IndexSync {

    static final String STREAM = "liaison:search:changes";
    static final int KEEP = 100_000;
    private static final int BATCH = 500;

    /** One change: a request at a version. */
    record Change(String id, long version) {
    }

    /** What a read found: the changes after the position, or that the position is gone. */
    record Read(List<Change> changes, boolean gap) {
    }

    private final RedisAPI redis;
    private volatile String position;

    IndexSync(RedisAPI redis) {
        this.redis = redis;
    }

    /** Starts reading at the stream's current end (the rebuild that follows covers what came before). */
    Future<Void> startAtEnd() {
        return redis.xrevrange(List.of(STREAM, "+", "-", "COUNT", "1")).map(last -> {
            position = last != null && last.size() > 0 ? last.get(0).get(0).toString() : "0-0";
            return null;
        });
    }

    Future<Void> announce(String id, long version) {
        return redis.xadd(List.of(STREAM, "MAXLEN", "~", Integer.toString(KEEP), "*", "id", id, "v", Long.toString(version)))
                .mapEmpty();
    }

    /** The next changes after the position (and moves past them). */
    Future<Read> next() {
        String from = position;
        if (from == null) {
            return startAtEnd().map(v -> new Read(List.of(), false));
        }
        return redis.xrange(List.of(STREAM, "-", "+", "COUNT", "1")).compose(first -> {
            if (!"0-0".equals(from) && first != null && first.size() > 0 && compare(first.get(0).get(0).toString(), from) > 0) {
                return startAtEnd().map(v -> new Read(List.of(), true));
            }
            return redis.xrange(List.of(STREAM, "(" + from, "+", "COUNT", Integer.toString(BATCH))).map(entries -> {
                List<Change> changes = new ArrayList<>();
                for (Response entry : entries) {
                    position = entry.get(0).toString();
                    Response fields = entry.get(1);
                    String id = null;
                    long version = -1;
                    for (int i = 0; i + 1 < fields.size(); i += 2) {
                        if ("id".equals(fields.get(i).toString())) {
                            id = fields.get(i + 1).toString();
                        } else if ("v".equals(fields.get(i).toString())) {
                            version = Long.parseLong(fields.get(i + 1).toString());
                        }
                    }
                    if (id != null) {
                        changes.add(new Change(id, version));
                    }
                }
                return new Read(changes, false);
            });
        });
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
