package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.Role;

import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.org.UnitSeed;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * {@code java -jar liaison-backend.jar users add --username NAME --role CITY_ADMIN [--unit city]
 * [--name 姓名] [--password-stdin]}: creates a staff account directly in the configured database
 * (the embedded one under DATA_DIR, or MONGO_URI), typically the first city admin of a new install.
 * The password is generated (or read from standard input) and printed only to this console, never
 * logged. With embedded stores the service must be stopped: the database is one process's file.
 */
public final class UsersCommand {

    /** The command word: {@code java -jar liaison-backend.jar users add ...}. */
    public static final String COMMAND = "users";
    public static final String USAGE = "usage: java -jar liaison-backend.jar users add --username NAME "
            + "--role CITY_ADMIN|UNIT_HEAD|LIAISON|AGENT[,...] [--unit UNIT_ID] [--name 姓名] [--password-stdin]";
    private static final int MIN_PASSWORD = 12;

    private UsersCommand() {
    }

    /** @return 0 created, 1 refused (bad input, name taken), 2 store unreachable, 3 store in use, 64 usage */
    public static int run(cn.liaison.backend.platform.store.StoreSettings config, String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        if (options == null || !options.containsKey("username") || !options.containsKey("role")) {
            err.println(USAGE);
            return 64;
        }
        String username = UserAccount.normalize(options.get("username"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            for (String r : options.get("role").split(",")) {
                roles.add(Role.valueOf(r.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        } catch (IllegalArgumentException e) {
            err.println("users add: unknown role in '" + options.get("role") + "'; " + USAGE);
            return 64;
        }
        if (roles.contains(Role.ENTERPRISE)) {
            err.println("users add: enterprise users sign in through the mini-program; give a staff role");
            return 1;
        }
        String unitId = options.getOrDefault("unit", "city");
        String password;
        try {
            password = options.containsKey("password-stdin") ? in.readLine() : new PasswordHasher().randomPassword(16);
        } catch (java.io.IOException e) {
            err.println("users add: cannot read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            err.println("users add: the password must be " + MIN_PASSWORD + "-128 characters");
            return 1;
        }
        UserAccount account;
        try {
            account = new UserAccount("user-" + UUID.randomUUID(), username, options.getOrDefault("name", username), roles,
                    unitId, null, new PasswordHasher().hash(password), null, true, 0, null);
        } catch (IllegalArgumentException e) {
            err.println("users add: " + e.getMessage());
            return 1;
        }
        return create(config, account, password, options.containsKey("password-stdin"), out, err);
    }

    private static int create(cn.liaison.backend.platform.store.StoreSettings config, UserAccount account, String password, boolean chosen,
                              PrintStream out, PrintStream err) {
        EmbeddedMongo embedded = null;
        Vertx vertx = null;
        try {
            if (config.embeddedMongo()) {
                try {
                    embedded = EmbeddedMongo.start(config.dataDir());
                } catch (MVStoreException e) {
                    if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                        err.println("users add: the service is running on " + config.dataDir().toAbsolutePath()
                                + " (its database file is locked). Stop it first, or add staff on /admin/ as a city admin.");
                        return 3;
                    }
                    throw e;
                }
            }
            vertx = Vertx.vertx();
            MongoClient mongo = MongoClient.create(vertx, new JsonObject()
                    .put("connection_string", embedded != null ? embedded.connectionString() : config.mongoUri().get())
                    .put("db_name", config.mongoDb()).put("serverSelectionTimeoutMS", 5000));
            MongoUsers users = new MongoUsers(mongo);
            UnitDirectory units = users.ensureIndexes().compose(v -> UnitSeed.seeded(mongo)).await(30, TimeUnit.SECONDS);
            if (units.find(account.unitId()).await(10, TimeUnit.SECONDS).isEmpty()) {
                err.println("users add: no unit '" + account.unitId() + "' (e.g. city, district-pukou)");
                return 1;
            }
            try {
                users.insert(account).await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (MongoDocs.isDuplicateKey(e)) {
                    err.println("users add: username '" + account.username() + "' is taken; nothing changed");
                    return 1;
                }
                throw e;
            }
            mongo.close().await(10, TimeUnit.SECONDS);
            out.println("users add: created " + account.username() + " (" + String.join("、",
                    account.roles().stream().map(Role::label).toList()) + ", unit " + account.unitId() + ")");
            if (!chosen) {
                // To this console only, on purpose: never to the log.
                out.println("  password: " + password);
                out.println("  Shown only here. Sign in at /admin/ or POST /api/v1/auth/login.");
            }
            return 0;
        } catch (Exception e) {
            err.println("users add: failed: " + e.getMessage());
            return 2;
        } finally {
            if (vertx != null) {
                vertx.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** {@code add --key value --flag}; null when malformed. */
    private static Map<String, String> options(String[] args) {
        if (args.length < 2 || !COMMAND.equals(args[0]) || !"add".equals(args[1])) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            String key = args[i].substring(2);
            if (key.equals("password-stdin")) {
                options.put(key, "");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                return null;
            }
        }
        return options;
    }
}
