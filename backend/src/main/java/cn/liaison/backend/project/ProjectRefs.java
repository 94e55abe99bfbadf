package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.ProjectRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;

/**
 * The project directory the request loop reads ({@code {_id, name, enterpriseId, district, parkId,
 * liaisonId}} of {@code projects}), published before the request loop starts by
 * {@link ProjectDirectoryFeature}; {@link #insert} writes only those fields (demo data).
 */
@Published
public final class ProjectRefs implements ProjectDirectory {

    private final MongoClient mongo;

    public ProjectRefs(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public Future<Optional<ProjectRef>> find(String id) {
        return mongo.findOne(ProjectStore.PROJECTS, new JsonObject().put("_id", id), null)
                .map(doc -> Optional.ofNullable(doc).map(ProjectRefs::fromDocument));
    }

    public Future<Void> insert(ProjectRef project) {
        return mongo.insert(ProjectStore.PROJECTS, new JsonObject()
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
