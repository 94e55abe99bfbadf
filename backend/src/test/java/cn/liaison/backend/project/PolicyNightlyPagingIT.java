package cn.liaison.backend.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly policy pass over more projects than one page (its own service: the fillers would crowd other tests' lists). */
class PolicyNightlyPagingIT {

    @TempDir
    Path dataDir;

    @Test
    void nightlyPassPagesThroughMoreProjectsThanOnePage() throws Exception {
        try (ProjectFixture f = new ProjectFixture(dataDir)) {
            // 450 stored projects sort before the real one (ids starting "000000-"): the pass must read three pages to reach it
            var mongo = f.app.app().platform().stores().mongo();
            List<io.vertx.ext.mongo.BulkOperation> fillers = new java.util.ArrayList<>();
            for (int i = 0; i < 450; i++) {
                fillers.add(io.vertx.ext.mongo.BulkOperation.createInsert(new JsonObject().put("_id", String.format("000000-filler-%04d", i))
                        .put("name", "填充项目" + i).put("enterpriseId", "enterprise-demo-2").put("landUse", "INDUSTRIAL")));
            }
            mongo.bulkWrite("projects", fillers).await(30, TimeUnit.SECONDS);
            String id = f.create("pukou-liaison-1", new JsonObject().put("name", "永宁街道仓库").put("enterpriseId", "enterprise-demo-2")
                    .put("landUse", "INDUSTRIAL")).getString("id");
            assertTrue(id.compareTo("000000-filler-0449") > 0, id);
            mongo.updateCollection("projects", new JsonObject().put("_id", id),
                    new JsonObject().put("$set", new JsonObject().put("obligation.mode", "OFF_SITE"))).await(10, TimeUnit.SECONDS);
            assertTrue(f.app.runJob("project-policies").await(60, TimeUnit.SECONDS) >= 1);
            JsonObject project = f.ok(f.get("pukou-liaison-1", "/api/v1/projects/" + id), 200);
            assertEquals("LOWERED", project.getJsonObject("obligation").getString("feeStandard"));
        }
    }
}
