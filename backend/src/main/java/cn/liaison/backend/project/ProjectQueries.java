package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.org.Places;
import cn.liaison.backend.org.ProjectRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The projects feature's read model for other features (reports, the chat bot): the only way they
 * read projects and site visits. Groups are {@code {_id: {district, parkId}, n}}.
 */
@Published
public interface ProjectQueries {

    /** An enterprise's projects, oldest first, at most {@code limit}. */
    Future<List<ProjectRef>> ofEnterprise(String enterpriseId, int limit);

    /** Site visits in [from, to), counted by district and park. */
    Future<List<JsonObject>> countVisits(Places places, Instant from, Instant to);

    /** The ids of the projects visited in [from, to). */
    Future<List<String>> visitedProjects(Places places, Instant from, Instant to);

    /** Of these projects, the major ones ({@link ProjectKind#isMajor()}), with their place. */
    Future<List<JsonObject>> majorAmong(Collection<String> projectIds);

    /** Projects with a policy match applied in the month: place and {@code policyMatches}. */
    Future<List<JsonObject>> withPolicyMatchesIn(Places places, YearMonth month);

    /** Every project with only the fields named (for daily scans), at most {@code limit}. */
    Future<List<JsonObject>> scan(JsonObject fields, int limit);

    /** The latest site visit per project (project id to time). */
    Future<java.util.Map<String, Instant>> lastVisits();

    /** Projects with a checklist item done in the month: their {@code checklist}, district and park. */
    Future<List<JsonObject>> withChecklistDoneIn(Places places, YearMonth month);
}
