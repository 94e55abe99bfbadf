package cn.liaison.backend.platform.jobs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs of every feature: each runs on its {@link Schedule}, and a leased job runs on one
 * instance at a time (a Redis lease; another instance holding it makes the pass a no-op that
 * returns 0). Timers are cancelled on {@link #stop}. With timers off (tests), nothing runs by
 * itself and {@link #run} drives a job by name, lease included.
 */
public final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /**
     * @param lease how long the lease is held at most; empty = no lease (the pass is safe to run
     *              on every instance at once)
     * @param pass  one pass; returns how many things it did
     */
    public record Job(String name, Schedule schedule, Optional<Duration> lease, Supplier<Future<Integer>> pass) {
        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(pass, "pass");
        }

        public static Job leased(String name, Schedule schedule, Duration lease, Supplier<Future<Integer>> pass) {
            return new Job(name, schedule, Optional.of(lease), pass);
        }

        public static Job everywhere(String name, Schedule schedule, Supplier<Future<Integer>> pass) {
            return new Job(name, schedule, Optional.empty(), pass);
        }
    }

    private final Vertx vertx;
    private final RedisLock lock;
    private final Clock clock;
    private final boolean timers;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Long> timerIds = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public Jobs(Vertx vertx, RedisLock lock, Clock clock, boolean timers) {
        this.vertx = vertx;
        this.lock = lock;
        this.clock = clock;
        this.timers = timers;
    }

    /** Registers a job; with timers on, its first run is one schedule delay from now. */
    public void add(Job job) {
        if (jobs.putIfAbsent(job.name(), job) != null) {
            throw new IllegalStateException("job " + job.name() + " registered twice");
        }
        if (timers) {
            arm(job);
        }
    }

    /** One pass of the named job now (under its lease); how many things it did. */
    public Future<Integer> run(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            return Future.failedFuture(new IllegalArgumentException("no job " + name));
        }
        if (job.lease().isEmpty()) {
            return job.pass().get();
        }
        return lock.tryAcquire(name, job.lease().get()).compose(lease -> lease.isEmpty()
                ? Future.succeededFuture(0)
                : job.pass().get().eventually(() -> lock.release(lease.get())));
    }

    public boolean has(String name) {
        return jobs.containsKey(name);
    }

    /** Cancels every timer; a pass already running finishes. */
    public void stop() {
        stopped = true;
        timerIds.forEach(vertx::cancelTimer);
        timerIds.clear();
    }

    private void arm(Job job) {
        if (stopped) {
            return;
        }
        long delay = Math.max(1, job.schedule().delayFrom(clock.instant().atZone(clock.getZone())).toMillis());
        long[] id = new long[1];
        id[0] = vertx.setTimer(delay, ignored -> {
            timerIds.remove(id[0]);
            run(job.name())
                    .onFailure(e -> LOG.warn("Job {} failed: {}", job.name(), e.toString()))
                    .onComplete(done -> arm(job));
        });
        timerIds.add(id[0]);
    }
}
