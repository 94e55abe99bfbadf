package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.config.ConfigLoader;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb-import DIR}: publishes a valid folder into the configured database, refuses a broken one. */
class KbImportIT {

    private static final Path CONTENT = Path.of("..", "knowledge-base", "content");

    @TempDir
    Path dataDir;

    @Test
    void validFolderIsPublishedAndBrokenFolderChangesNothing() throws Exception {
        AppConfig config = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = KbImport.run(config.stores(), CONTENT, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        long entries;
        try (var files = Files.list(CONTENT.resolve("entries"))) {
            entries = files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(entries, publishedCount());

        Path broken = dataDir.resolve("broken");
        Files.createDirectories(broken.resolve("entries"));
        Files.copy(CONTENT.resolve("topics.yaml"), broken.resolve("topics.yaml"));
        Files.writeString(broken.resolve("entries/faq-bad.yaml"), "id: faq-bad\nkind: faq\ntitle: 坏\n");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertEquals(1, KbImport.run(config.stores(), broken, new PrintStream(errors, true, StandardCharsets.UTF_8)));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("entries/faq-bad.yaml:"), errors.toString(StandardCharsets.UTF_8));
        assertEquals(entries, publishedCount());
    }

    private long publishedCount() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir)) {
            MongoClient client = MongoClient.create(vertx, new JsonObject()
                    .put("connection_string", mongo.connectionString()).put("db_name", "liaison"));
            return client.count("kb_entries", new JsonObject().put("published", new JsonObject().put("$ne", null)))
                    .await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
