package cn.liaison.backend.org;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;

/** The {@code projects} collection, minimal for now: {@code {_id, name, enterpriseId, district, parkId, liaisonId}}. */
public final class MongoProjects implements ProjectDirectory {

    static final String COLLECTION = "projects";

    private final MongoClient mongo;

    public MongoProjects(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public Future<Optional<ProjectRef>> find(String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
                .map(doc -> Optional.ofNullable(doc).map(MongoProjects::fromDocument));
    }

    public Future<Void> insert(ProjectRef project) {
        return mongo.insert(COLLECTION, new JsonObject()
                        .put("_id", project.id())
                        .put("name", project.name())
                        .put("enterpriseId", project.enterpriseId())
                        .put("district", project.districtUnitId())
                        .put("parkId", project.parkId())
                        .put("liaisonId", project.liaisonId()))
                .mapEmpty();
    }

    static ProjectRef fromDocument(JsonObject doc) {
        return new ProjectRef(doc.getString("_id"), doc.getString("name"), doc.getString("enterpriseId"),
                doc.getString("district"), doc.getString("parkId"), doc.getString("liaisonId"));
    }
}
