package cn.liaison.backend.ops;

import cn.liaison.backend.config.OpsConfig;

import cn.liaison.backend.platform.telemetry.Meters;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.StoredCollection;
import cn.liaison.backend.platform.store.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires the logs the service keeps for a while (the collections whose owners declared an expiry:
 * question log, hotline assist calls, WeChat messages and subscribe records) by itself: the embedded store accepts TTL indexes and never
 * applies them. Each run deletes at most {@value #BATCHES} batches of {@value #BATCH} documents per
 * collection, oldest data first, so a backlog of 100,000 expired documents is worked off over a few
 * runs without holding the store for long. Chat transcripts are expired by the chat feature
 * ({@code CHAT_RETENTION_DAYS}); requests with their history (the 台账 audit trail) are kept.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 1000;
    static final int BATCHES = 10;

    private final MongoClient mongo;
    private final Clock clock;
    private final List<Rule> rules;

    /** One expiring collection: documents whose {@code field} (a date) is older than {@code keep}. */
    public record Rule(String collection, String field, Duration keep) {
    }

    /** A rule for every declared collection that expires, its term's duration from the configuration. */
    public Retention(MongoClient mongo, Clock clock, OpsConfig.Retention config, List<StoredCollection> collections) {
        this(mongo, clock, collections.stream().filter(c -> c.expiry().isPresent())
                .map(c -> new Rule(c.name(), c.expiry().get().field(), keep(config, c.expiry().get().term()))).toList());
    }

    private static Duration keep(OpsConfig.Retention config, String term) {
        return switch (term) {
            case "questions" -> config.questions();
            case "calls" -> config.calls();
            case "wechat" -> config.wechat();
            case "audit" -> config.audit();
            default -> throw new IllegalStateException("no retention is configured for the term " + term);
        };
    }

    public Retention(MongoClient mongo, Clock clock, List<Rule> rules) {
        this.mongo = mongo;
        this.clock = clock;
        this.rules = List.copyOf(rules);
    }

    /** One bounded pass over every rule; returns how many documents were deleted. */
    public Future<Long> runOnce() {
        Future<Long> chain = Future.succeededFuture(0L);
        for (Rule rule : rules) {
            chain = chain.compose(total -> expire(rule, clock.instant().minus(rule.keep())).map(n -> total + n));
        }
        return chain;
    }

    /** Up to {@code BATCHES} batches of the rule's expired documents, oldest first, one after the other. */
    private Future<Long> expire(Rule rule, Instant cutoff) {
        JsonObject expired = new JsonObject().put(rule.field(), new JsonObject().put("$lt", MongoDocs.date(cutoff)));
        return Pages.walk(0, batch -> mongo.findWithOptions(rule.collection(), expired, new FindOptions().setLimit(BATCH)
                        .setFields(new JsonObject().put("_id", 1)))
                .compose(docs -> {
                    if (docs.isEmpty()) {
                        return Future.succeededFuture(Pages.Step.<Integer>last(0));
                    }
                    JsonArray ids = new JsonArray();
                    docs.forEach(doc -> ids.add(doc.getValue("_id")));
                    return mongo.removeDocuments(rule.collection(), new JsonObject().put("_id", new JsonObject().put("$in", ids)))
                            .map(result -> result == null ? 0L : result.getRemovedCount())
                            .map(n -> {
                                Meters.retentionDeleted(rule.collection(), n);
                                LOG.info("Retention: {} documents of {} older than {} days deleted", n, rule.collection(),
                                        rule.keep().toDays());
                                boolean more = docs.size() == BATCH && batch + 1 < BATCHES;
                                return new Pages.Step<>(n, more ? batch + 1 : null);
                            });
                }));
    }
}
