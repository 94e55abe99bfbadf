package cn.liaison.backend.kb;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.gap.GapSuggestion;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The gap loop: the period's unanswered questions (aggregated in the time window, at most
 * {@link #MAX_QUESTIONS} distinct ones) grouped by meaning into suggestions — new question
 * variants for a close entry, or a new entry — kept in {@code kb_suggestions}; a city admin accepts
 * one into a draft in one step. The report says how many were accepted and how many of their
 * questions the published knowledge base now answers.
 */
final class GapLoop {

    static final String COLLECTION = KbCollections.SUGGESTIONS.name();
    static final int MAX_QUESTIONS = 500;
    private static final int MAX_ACCEPTED = 200;
    static final int WEEKLY_LIMIT = 50;

    private final MongoClient mongo;
    private final QuestionLog questions;
    private final KbService kb;
    private final KbRepository entries;
    private final WorkerExecutor worker;
    private final Clock clock;

    GapLoop(MongoClient mongo, QuestionLog questions, KbService kb, KbRepository entries, WorkerExecutor worker,
            Clock clock) {
        this.mongo = mongo;
        this.questions = questions;
        this.kb = kb;
        this.entries = entries;
        this.worker = worker;
        this.clock = clock;
    }

    Future<JsonObject> report(Instant from, Instant to, int limit) {
        JsonObject out = new JsonObject();
        return questions.gaps(from, to, MAX_QUESTIONS)
                .map(rows -> rows.stream().map(GapLoop::asked).toList())
                .compose(asked -> kb.ready().compose(base -> worker.executeBlocking(() -> base.suggestGaps(asked), false)))
                .compose(found -> store(found.subList(0, Math.min(limit, found.size()))))
                .map(items -> out.put("suggestions", items))
                .compose(v -> questions.answerRate(from, to))
                .map(rate -> out.put("answerRate", rate))
                .compose(v -> accepted())
                .map(accepted -> out.put("accepted", accepted));
    }

    private static GapSuggestion.Asked asked(JsonObject row) {
        int count = row.getInteger("count");
        Set<String> rejected = new HashSet<>();
        row.getJsonArray("rejected", new JsonArray()).forEach(id -> {
            if (id instanceof String s) {
                rejected.add(s);
            }
        });
        int lowRated = Math.min(count, Math.max(0, row.getInteger("lowRated", 0)));
        return new GapSuggestion.Asked(row.getString("example"), count, lowRated, rejected);
    }

    /**
     * The weekly job: the suggestions of the seven Shanghai days ending today (the admin page's
     * default window), computed and kept ahead of the admin's visit.
     */
    Future<Integer> weekly() {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(MongoDocs.ZONE));
        return report(today.minusDays(6).atStartOfDay(MongoDocs.ZONE).toInstant(),
                today.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant(), WEEKLY_LIMIT)
                .map(out -> out.getJsonArray("suggestions").size());
    }

    /** Makes the suggestion a draft: the entry's draft gains the questions, or a new entry's draft starts. */
    Future<JsonObject> accept(String id, String by) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).compose(doc -> {
            if (doc == null) {
                return Future.failedFuture(ProblemException.notFound("建议 " + id + " 不存在"));
            }
            if ("ACCEPTED".equals(doc.getString("status"))) {
                return Future.failedFuture(ProblemException.conflict("建议 " + id + " 已采纳"));
            }
            List<String> texts = doc.getJsonArray("questions").stream().map(String.class::cast).toList();
            String entryId = doc.getString("entryId");
            Future<String> draft = entryId == null ? newEntryDraft(id, texts, by) : variantsDraft(entryId, texts, by);
            return draft.compose(draftId -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
                            new JsonObject().put("$set", new JsonObject().put("status", "ACCEPTED").put("acceptedBy", by)
                                    .put("acceptedAt", MongoDocs.date(clock.instant())).put("draftEntryId", draftId)))
                    .map(r -> new JsonObject().put("id", id).put("status", "ACCEPTED").put("draftEntryId", draftId)));
        });
    }

    private Future<String> variantsDraft(String entryId, List<String> texts, String by) {
        return entries.find(entryId).compose(found -> {
            JsonObject doc = found.orElseThrow(() -> ProblemException.notFound("条目 " + entryId + " 不存在"));
            JsonObject current = doc.getJsonObject("draft") != null ? doc.getJsonObject("draft") : doc.getJsonObject("published");
            String yaml = withQuestions(current.getString("yaml"), texts);
            return kb.check(entryId, yaml).compose(valid -> entries.saveDraft(entryId, yaml, by, clock.instant()))
                    .map(entryId);
        });
    }

    /** A new entry's draft holds the questions; the admin writes its answer and topic before publishing validates it. */
    private Future<String> newEntryDraft(String id, List<String> texts, String by) {
        String entryId = "gap-" + id.substring(0, 8);
        StringBuilder yaml = new StringBuilder("id: ").append(entryId).append("\nkind: faq\ntitle: ")
                .append(Json.encode(texts.get(0))).append("\nquestions:\n");
        texts.forEach(q -> yaml.append("  - ").append(Json.encode(q)).append('\n'));
        yaml.append("answer: \"（待编写）\"\ntopics: []\n");
        return entries.saveDraft(entryId, yaml.toString(), by, clock.instant()).map(entryId);
    }

    /** The questions added to an entry's text, kept in its own form (YAML as written, or JSON from the editor). */
    static String withQuestions(String text, List<String> added) {
        if (text.stripLeading().startsWith("{")) {
            JsonObject fields = new JsonObject(text);
            JsonArray list = fields.getJsonArray("questions", new JsonArray());
            added.stream().filter(q -> !list.contains(q)).forEach(list::add);
            return fields.put("questions", list).encodePrettily();
        }
        StringBuilder lines = new StringBuilder();
        added.forEach(q -> lines.append("  - ").append(Json.encode(q)).append('\n'));
        return text.replaceFirst("(?m)^questions:[ \\t]*\\n", "questions:\n" + java.util.regex.Matcher.quoteReplacement(lines.toString()));
    }

    private Future<JsonArray> store(List<GapSuggestion> found) {
        JsonArray items = new JsonArray();
        Future<Void> chain = Future.succeededFuture();
        for (GapSuggestion s : found) {
            String id = idOf(s);
            JsonObject fields = new JsonObject().put("entryId", s.entryId()).put("entryTitle", s.entryTitle())
                    .put("questions", new JsonArray(s.questions())).put("asked", s.asked()).put("lowRated", s.lowRated());
            chain = chain.compose(v -> mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", id),
                            new JsonObject().put("$set", fields).put("$setOnInsert", new JsonObject().put("status", "OPEN")
                                    .put("createdAt", MongoDocs.date(clock.instant()))),
                            new UpdateOptions().setUpsert(true))
                    .compose(r -> mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null))
                    .map(doc -> {
                        items.add(fields.copy().put("id", id).put("kind", s.newEntry() ? "新条目" : "补充问法")
                                .put("status", doc.getString("status")));
                        return null;
                    }));
        }
        return chain.map(items);
    }

    /** Accepted suggestions (most recent {@link #MAX_ACCEPTED}) and how many of their questions are answered now. */
    private Future<JsonObject> accepted() {
        return mongo.findWithOptions(COLLECTION, new JsonObject().put("status", "ACCEPTED"),
                        new FindOptions().setLimit(MAX_ACCEPTED).setSort(new JsonObject().put("acceptedAt", -1)))
                .compose(docs -> {
                    List<String> texts = docs.stream().flatMap(d -> d.getJsonArray("questions").stream())
                            .map(String.class::cast).toList();
                    return kb.ready().compose(base -> worker.executeBlocking(() -> answered(base, texts), false))
                            .map(now -> new JsonObject().put("count", docs.size()).put("questions", texts.size())
                                    .put("answeredNow", now));
                });
    }

    private static long answered(KnowledgeBase base, List<String> texts) {
        return texts.stream().filter(q -> base.ask(q).answered()).count();
    }

    private static String idOf(GapSuggestion s) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((s.entryId() + "|" + s.questions().get(0))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
