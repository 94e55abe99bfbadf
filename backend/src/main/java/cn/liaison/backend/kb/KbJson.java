package cn.liaison.backend.kb;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The API's JSON for answers and entries; answers use the same shape as {@code kb-cli ask}. */
final class KbJson {

    private KbJson() {
    }

    static JsonObject outcome(SearchOutcome outcome) {
        return outcome(outcome, null);
    }

    /** With {@code kb}: a scenario answer (一件事) carries its composed package in {@code answer.package}. */
    static JsonObject outcome(SearchOutcome outcome, KnowledgeBase kb) {
        JsonArray results = new JsonArray();
        outcome.hits().forEach(hit -> results.add(new JsonObject()
                .put("id", hit.entry().id())
                .put("title", hit.entry().title())
                .put("kind", hit.entry().kind().code())
                .put("topics", new JsonArray(List.copyOf(hit.entry().topics())))
                .put("score", round(hit.score()))));
        JsonObject json = new JsonObject()
                .put("q", outcome.question())
                .put("answered", outcome.answered())
                .put("confidence", round(outcome.confidence()))
                .put("decision", outcome.decision().name().toLowerCase())
                .put("results", results)
                .put("suggestions", new JsonArray(List.copyOf(outcome.suggestions())));
        json.put("forward", outcome.forwardRule()
                .map(rule -> new JsonObject().put("department", rule.department()).put("phone", rule.phone()))
                .orElse(null));
        json.put("kind", outcome.best().map(hit -> hit.entry().kind().code()).orElse(null));
        if (outcome.answered()) {
            Entry best = outcome.best().orElseThrow().entry();
            JsonObject answer = new JsonObject()
                    .put("entryId", best.id())
                    .put("title", best.title())
                    .put("markdown", KnowledgeBase.answer(best))
                    .put("sources", sources(best));
            if (kb != null) {
                kb.scenarioOf(best).ifPresent(pkg -> answer.put("package",
                        new JsonObject(cn.liaison.kb.scenario.PackageMaps.full(pkg))));
            }
            json.put("answer", answer);
        }
        return json;
    }

    static JsonObject entry(Entry entry) {
        return new JsonObject()
                .put("id", entry.id())
                .put("kind", entry.kind().name())
                .put("title", entry.title())
                .put("question", entry.standardQuestion())
                .put("topics", new JsonArray(List.copyOf(entry.topics())))
                .put("region", entry.region())
                .put("effective", new JsonObject()
                        .put("from", entry.effective().from() == null ? null : entry.effective().from().toString())
                        .put("to", entry.effective().to() == null ? null : entry.effective().to().toString()))
                .put("sources", sources(entry))
                .put("markdown", KnowledgeBase.answer(entry));
    }

    private static JsonArray sources(Entry entry) {
        JsonArray sources = new JsonArray();
        entry.sources().forEach(s -> sources.add(new JsonObject().put("title", s.title()).put("url", s.url())));
        return sources;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
