package cn.liaison.backend.kb;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.OutcomeJson;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The API's JSON for answers and entries; answers use the same shape as {@code kb-cli ask}. */
final class KbJson {

    private KbJson() {
    }

    /** Exactly the {@code kb-cli ask} line (one serializer for both), plus the composed answer when answered. */
    static JsonObject outcome(SearchOutcome outcome) {
        return outcome(outcome, null);
    }

    /** With {@code kb}: a scenario answer (一件事) also carries its composed package in {@code answer.package}. */
    static JsonObject outcome(SearchOutcome outcome, KnowledgeBase kb) {
        JsonObject json = new JsonObject(OutcomeJson.toJson(outcome, kb == null ? null : kb.content()));
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

}
