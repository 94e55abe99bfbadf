package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.platform.config.ConfigException;
import cn.liaison.backend.config.ConfigLoader;
import cn.liaison.backend.kb.KbImport;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Entry point: {@code java -jar liaison-backend.jar}. Reads the configuration (a bad value stops
 * the start with exit code 2 and a message naming the key), starts the service, and on SIGTERM or
 * SIGINT shuts it down gracefully and exits 0.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = ConfigLoader.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        applyLogLevel(config.logLevel());
        cn.liaison.backend.ops.LogFormat.apply(config.ops());
        if (args.length > 0) {
            System.exit(command(config, args));
            return;
        }
        Application app;
        try {
            app = Application.start(config, StartOptions.defaults());
        } catch (ConfigException e) {
            // e.g. an unusable DATA_DIR/jwt-secret, found only when the data directory is read
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            LOG.error("Start-up failed: {}", e.toString(), e);
            System.exit(1);
            return;
        }
        Runnable shutdown = () -> {
            LOG.info("Shutdown requested");
            app.stop();
            System.exit(0);
        };
        var stores = app.platform().ports().require(cn.liaison.backend.platform.store.StoreBoot.class);
        cn.liaison.backend.platform.store.StoreWatch.start(stores::embeddedStoreFailed, 1000,
                () -> System.exit(cn.liaison.backend.platform.store.StoreWatch.EXIT_STATUS));
        // Not a daemon (a thread started from a signal's handler would be one): the JVM would end as
        // soon as Vert.x's threads stopped, in the middle of closing the stores.
        Signal.handle(new Signal("TERM"), signal -> stopThread(shutdown).start());
        Signal.handle(new Signal("INT"), signal -> stopThread(shutdown).start());
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown-hook"));
    }

    private static Thread stopThread(Runnable shutdown) {
        Thread thread = new Thread(shutdown, "shutdown");
        thread.setDaemon(false);
        return thread;
    }

    /** Sub-commands: {@code kb-import DIR}, {@code users add ...}. */
    private static int command(AppConfig config, String[] args) {
        if ("restore".equals(args[0]) && args.length == 2) {
            return cn.liaison.backend.ops.Backups.restore(config.dataDir(), java.nio.file.Path.of(args[1]), System.out);
        }
        if ("kb-import".equals(args[0]) && args.length == 2) {
            return KbImport.run(config.stores(), java.nio.file.Path.of(args[1]), System.out);
        }
        if (cn.liaison.backend.identity.UsersCommand.COMMAND.equals(args[0])) {
            return cn.liaison.backend.identity.UsersCommand.run(config.stores(), args, new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)), System.out, System.err);
        }
        System.err.println("usage: java -jar liaison-backend.jar [kb-import CONTENT_DIR | users add ... | restore BACKUP_ZIP]");
        return 64;
    }

    private static void applyLogLevel(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level));
        }
    }
}
