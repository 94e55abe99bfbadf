package cn.liaison.backend.identity;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;

/**
 * Who may have a password checked now, counted in Redis so every instance sees the same numbers and
 * so that counting and checking cannot race: an attempt is reserved atomically (one Lua script)
 * <em>before</em> the password is hashed, and refused without hashing when a budget is spent. A
 * burst of parallel guesses therefore checks at most {@value #PAIR_LIMIT} passwords.
 *
 * <ul>
 *   <li>Per account and client address: {@value #PAIR_LIMIT} checked passwords, then that address is
 *       locked out of that account for 5 minutes, doubling with every further lock within a day (up to
 *       a day). A stranger's guesses lock only the stranger's address, not the real user's.</li>
 *   <li>Per account, from all addresses: {@value #ACCOUNT_LIMIT} failed checks an hour, against guessing
 *       from many addresses.</li>
 *   <li>Per client address, over all usernames: {@value #ADDRESS_LIMIT} failed checks in 15 minutes,
 *       against trying one password on many accounts.</li>
 * </ul>
 * A successful sign-in clears its pair's count and gives back its place in the other two.
 */
public final class LoginThrottle {

    public static final int PAIR_LIMIT = 5;
    public static final int ACCOUNT_LIMIT = 50;
    public static final int ADDRESS_LIMIT = 50;
    static final Duration PAIR_WINDOW = Duration.ofMinutes(15);
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    static final Duration LONGEST_LOCK = Duration.ofDays(1);
    static final Duration LEVEL_MEMORY = Duration.ofDays(1);

    /** KEYS: pair count, pair lock, account count, address count. ARGV: three limits, three windows (s). */
    private static final String RESERVE = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return 0 end
            if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[2]) then return 0 end
            if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[3]) then return 0 end
            if redis.call('INCR', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
            if redis.call('INCR', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[5]) end
            if redis.call('INCR', KEYS[4]) == 1 then redis.call('EXPIRE', KEYS[4], ARGV[6]) end
            return 1
            """;
    /** KEYS: pair count, pair lock, lock level. ARGV: pair limit, first lock, longest lock, level memory (s). */
    private static final String FAILED = """
            if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then return 0 end
            local level = redis.call('INCR', KEYS[3])
            redis.call('EXPIRE', KEYS[3], ARGV[4])
            local seconds = math.min(tonumber(ARGV[2]) * 2 ^ (level - 1), tonumber(ARGV[3]))
            redis.call('SET', KEYS[2], level, 'EX', math.floor(seconds))
            redis.call('DEL', KEYS[1])
            return math.floor(seconds)
            """;
    /** KEYS: pair count, account count, address count. */
    private static final String SUCCEEDED = """
            redis.call('DEL', KEYS[1])
            if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
            if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
            return 1
            """;

    private final RedisAPI redis;

    public LoginThrottle(RedisAPI redis) {
        this.redis = redis;
    }

    /** Whether this attempt may have its password checked; true takes one place in every budget. */
    public Future<Boolean> reserve(String username, String address) {
        Keys k = new Keys(username, address);
        return redis.eval(List.of(RESERVE, "4", k.pair(), k.lock(), k.account(), k.address(),
                        Integer.toString(PAIR_LIMIT), Integer.toString(ACCOUNT_LIMIT), Integer.toString(ADDRESS_LIMIT),
                        seconds(PAIR_WINDOW), seconds(ACCOUNT_WINDOW), seconds(ADDRESS_WINDOW)))
                .map(r -> r != null && r.toInteger() == 1);
    }

    /** A reserved attempt failed: the last place of the pair's budget locks the pair, longer each time. */
    public Future<Void> failed(String username, String address) {
        Keys k = new Keys(username, address);
        return redis.eval(List.of(FAILED, "3", k.pair(), k.lock(), k.level(), Integer.toString(PAIR_LIMIT),
                seconds(FIRST_LOCK), seconds(LONGEST_LOCK), seconds(LEVEL_MEMORY))).mapEmpty();
    }

    public Future<Void> succeeded(String username, String address) {
        Keys k = new Keys(username, address);
        return redis.eval(List.of(SUCCEEDED, "3", k.pair(), k.account(), k.address())).mapEmpty();
    }

    private static String seconds(Duration d) {
        return Long.toString(d.toSeconds());
    }

    /** Usernames are normalised and at most 64 characters (contract); addresses come from the edge. */
    private record Keys(String username, String addr) {
        String pair() {
            return "login:pair:" + username + "|" + addr;
        }

        String lock() {
            return "login:lock:" + username + "|" + addr;
        }

        String level() {
            return "login:level:" + username + "|" + addr;
        }

        String account() {
            return "login:account:" + username;
        }

        String address() {
            return "login:address:" + addr;
        }
    }
}
