package cn.liaison.backend.kb;

import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.EmbeddedRedis;
import cn.liaison.backend.platform.store.Stores;
import cn.liaison.kb.content.ContentLoader;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar liaison-backend.jar kb-import DIR}: validates a content folder and publishes
 * every entry in it to the configured database (the embedded one under DATA_DIR when no MONGO_URI is
 * set; stop the service first then, the embedded database is one process's file). Running instances
 * re-index when they hear the announcement on Redis.
 */
public final class KbImport {

    private KbImport() {
    }

    /** @return the process exit code: 0 imported, 1 invalid content, 2 could not reach the stores */
    public static int run(cn.liaison.backend.platform.store.StoreSettings config, Path contentDir, PrintStream out) {
        ContentLoader.Validation validation = ContentLoader.validate(contentDir);
        if (!validation.valid()) {
            validation.errors().forEach(e -> out.println(e));
            out.println("kb-import: " + validation.errors().size() + " problem(s); nothing imported");
            return 1;
        }
        Map<String, String> texts = KbFolder.entriesIn(contentDir);
        EmbeddedMongo mongo = null;
        EmbeddedRedis redis = null;
        Vertx vertx = Vertx.vertx();
        try {
            if (config.embeddedMongo()) {
                mongo = EmbeddedMongo.start(config.dataDir());
            }
            if (config.embeddedRedis()) {
                redis = EmbeddedRedis.start(config.dataDir());
            }
            Stores stores = Stores.connect(vertx, mongo != null ? mongo.connectionString() : config.mongoUri().get(),
                    config.mongoDb(), redis != null ? redis.url() : config.redisUrl().get());
            KbService service = new KbService(new KbRepository(stores.mongo()), null, null, Clock.systemUTC());
            service.importEntries(texts, "kb-import")
                    .compose(v -> stores.redis().publish(KbSync.CHANNEL, "kb-import"))
                    .await(60, TimeUnit.SECONDS);
            stores.close().await(10, TimeUnit.SECONDS);
            out.println("kb-import: published " + texts.size() + " entries from " + contentDir);
            return 0;
        } catch (Exception e) {
            out.println("kb-import: failed: " + e.getMessage());
            return 2;
        } finally {
            vertx.close();
            if (redis != null) {
                redis.close();
            }
            if (mongo != null) {
                mongo.close();
            }
        }
    }
}
