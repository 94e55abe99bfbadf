package cn.liaison.backend.project;

import static cn.liaison.backend.platform.store.Aggregations.and;
import static cn.liaison.backend.platform.store.Aggregations.range;

import cn.liaison.backend.org.Places;
import cn.liaison.backend.org.ProjectRef;
import cn.liaison.backend.platform.store.Aggregations;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** {@link ProjectQueries} on the {@code projects} and {@code site_visits} collections. */
public final class ProjectReadModel implements ProjectQueries {

    private final MongoClient mongo;

    public ProjectReadModel(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public Future<List<ProjectRef>> ofEnterprise(String enterpriseId, int limit) {
        return mongo.findWithOptions(ProjectStore.PROJECTS, new JsonObject().put("enterpriseId", enterpriseId),
                        new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(limit)
                                .setFields(new JsonObject().put("name", 1).put("enterpriseId", 1).put("district", 1)
                                        .put("parkId", 1).put("liaisonId", 1)))
                .map(docs -> docs.stream().map(ProjectRefs::fromDocument).toList());
    }

    @Override
    public Future<List<JsonObject>> countVisits(Places places, Instant from, Instant to) {
        return Aggregations.countBy(mongo, ProjectStore.VISITS, and(places.filter(), range("visitedAt", from, to)),
                new JsonObject().put("district", "$district").put("parkId", "$parkId"));
    }

    @Override
    public Future<List<String>> visitedProjects(Places places, Instant from, Instant to) {
        return mongo.distinctWithQuery(ProjectStore.VISITS, "projectId", String.class.getName(),
                        and(places.filter(), range("visitedAt", from, to)))
                .map(ids -> ids.stream().map(String::valueOf).toList());
    }

    @Override
    public Future<List<JsonObject>> majorAmong(Collection<String> projectIds) {
        JsonArray major = new JsonArray(Arrays.stream(ProjectKind.values()).filter(ProjectKind::isMajor).map(Enum::name).toList());
        JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(projectIds))))
                .put("kind", new JsonObject().put("$in", major));
        return mongo.findWithOptions(ProjectStore.PROJECTS, query, new FindOptions().setFields(
                new JsonObject().put("district", 1).put("parkId", 1)));
    }

    @Override
    public Future<List<JsonObject>> withPolicyMatchesIn(Places places, YearMonth month) {
        JsonObject query = and(places.filter(), new JsonObject().put("policyMatches", new JsonObject().put("$elemMatch",
                new JsonObject().put("matchedAt", days(month)).put("applied", true))));
        return mongo.findWithOptions(ProjectStore.PROJECTS, query, new FindOptions().setFields(new JsonObject()
                .put("district", 1).put("parkId", 1).put("policyMatches", 1)));
    }

    @Override
    public Future<List<JsonObject>> withChecklistDoneIn(Places places, YearMonth month) {
        JsonObject done = new JsonObject().put("checklist", new JsonObject().put("$elemMatch",
                new JsonObject().put("doneOn", days(month))));
        return mongo.findWithOptions(ProjectStore.PROJECTS, and(places.filter(), done),
                new FindOptions().setFields(new JsonObject().put("checklist", 1).put("district", 1).put("parkId", 1)));
    }

    /** The month's days as YYYY-MM-DD strings (how matchedAt and doneOn are stored). */
    private static JsonObject days(YearMonth month) {
        return new JsonObject().put("$gte", month.atDay(1).toString()).put("$lt", month.plusMonths(1).atDay(1).toString());
    }

    /** Every project with only the fields named (for daily scans), at most {@code limit}. */
    @Override
    public Future<List<JsonObject>> scan(JsonObject fields, int limit) {
        return mongo.findWithOptions(ProjectStore.PROJECTS, new JsonObject(), new FindOptions().setFields(fields).setLimit(limit));
    }

    /** The latest site visit per project: one aggregation over the visits. */
    @Override
    public Future<java.util.Map<String, Instant>> lastVisits() {
        io.vertx.core.json.JsonArray pipeline = new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("$group", new JsonObject().put("_id", "$projectId")
                        .put("last", new JsonObject().put("$max", "$visitedAt"))));
        return mongo.aggregate(ProjectStore.VISITS, pipeline).collect(java.util.stream.Collectors.toList()).map(groups -> {
            java.util.Map<String, Instant> out = new java.util.HashMap<>();
            groups.forEach(g -> {
                Instant last = MongoDocs.instant(g.getValue("last"));
                if (g.getValue("_id") instanceof String id && last != null) {
                    out.put(id, last);
                }
            });
            return out;
        });
    }
}
