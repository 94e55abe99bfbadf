package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.org.Places;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The request loop's read model for other features (reports, subscribe messages): the only way
 * they read requests. Groups are {@code {_id: {district, parkId, ...}, n}}.
 */
@Published
public interface RequestQueries {

    /** Received in [from, to): counted by district, park, channel, type, category (with its title) and status. */
    Future<List<JsonObject>> countReceived(Places places, Instant from, Instant to);

    /** Rated in [from, to): counted by district, park and rating level. */
    Future<List<JsonObject>> countRatings(Places places, Instant from, Instant to);

    /**
     * Requests received, answered, escalated or reopened in [from, to), at most {@code limit}, with
     * their place, project, status and time fields (createdAt, acceptedAt, signDeadline,
     * respondedAt, dueAt, escalation, rework).
     */
    Future<List<JsonObject>> timedIn(Places places, Instant from, Instant to, int limit);

    /**
     * Requests about a service item (category {@code item.*}) answered in [from, to), at most
     * {@code limit}: place, category, createdAt and respondedAt (提速 in the monthly report).
     */
    Future<List<JsonObject>> itemAnswersIn(Places places, Instant from, Instant to, int limit);

    /** The latest request per project (any state): project id to its creation time, for the proactive scan. */
    Future<java.util.Map<String, Instant>> lastRequestByProject();

    /** Requests in these states, the earliest active deadline first, at most {@code limit} (whole documents). */
    Future<List<JsonObject>> dueFirst(Collection<RequestStatus> statuses, int limit);

    /** The requests a user submitted or their enterprise has, newest first, at most {@code limit}. */
    Future<List<JsonObject>> mine(String userId, String enterpriseId, int limit);

    /** One request's document. */
    Future<Optional<JsonObject>> document(String requestId);

    /**
     * One page of every request, newest first, after {@code after} (from the newest when null), at
     * most {@code limit} whole documents: a derived index is rebuilt page by page, each page a short
     * read of its own (keyset on {@code createdAt, _id}), never one cursor over the whole collection.
     */
    Future<List<JsonObject>> newestFirst(cn.liaison.backend.platform.store.NewestFirst after, int limit);

    /** Number, content and rework of one request, for a message about it. */
    Future<Optional<JsonObject>> summary(String requestId);
}
