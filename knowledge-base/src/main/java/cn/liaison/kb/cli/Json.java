package cn.liaison.kb.cli;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.eval.EvalSummary;
import cn.liaison.kb.scenario.PackageMaps;
import cn.liaison.kb.scenario.Scenarios;
import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.SearchOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of the CLI contract. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * {@code {"q", "answered", "confidence", "results": [{"id", "title", "topics", "score"}],
     * "forward": {"department", "phone"} | null, "decision", "suggestions"}}.
     */
    static ObjectNode outcome(SearchOutcome outcome) {
        return outcome(outcome, null);
    }

    /**
     * Also {@code "kind"} on each result and for the best hit, and {@code "package"} (the composed
     * 一件事 package) when the best hit is a scenario and {@code content} is given.
     */
    static ObjectNode outcome(SearchOutcome outcome, Content content) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("q", outcome.question());
        node.put("answered", outcome.answered());
        node.put("confidence", round(outcome.confidence()));
        ArrayNode results = node.putArray("results");
        for (Hit hit : outcome.hits()) {
            ObjectNode result = results.addObject();
            result.put("id", hit.entry().id());
            result.put("title", hit.entry().title());
            result.put("kind", hit.entry().kind().code());
            ArrayNode topics = result.putArray("topics");
            hit.entry().topics().forEach(topics::add);
            result.put("score", round(hit.score()));
        }
        if (outcome.forward() == null) {
            node.putNull("forward");
        } else {
            ObjectNode forward = node.putObject("forward");
            forward.put("department", outcome.forward().department());
            if (outcome.forward().phone() != null) {
                forward.put("phone", outcome.forward().phone());
            }
        }
        node.put("decision", outcome.decision().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode suggestions = node.putArray("suggestions");
        outcome.suggestions().forEach(suggestions::add);
        node.put("kind", outcome.best().map(hit -> hit.entry().kind().code()).orElse(null));
        if (content != null) {
            outcome.best().flatMap(hit -> Scenarios.of(content, hit.entry()))
                    .ifPresent(pkg -> node.set("package", MAPPER.valueToTree(PackageMaps.full(pkg))));
        }
        return node;
    }

    static ObjectNode summary(EvalSummary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", summary.n());
        node.put("top1", round(summary.top1()));
        node.put("top3", round(summary.top3()));
        node.put("oosAbstain", round(summary.oosAbstain()));
        node.put("wrongConfident", round(summary.wrongConfident()));
        node.put("inScope", summary.inScope());
        node.put("outOfScope", summary.outOfScope());
        node.put("answered", round(summary.answeredShare()));
        node.put("variant", summary.variant());
        node.put("answerThreshold", summary.answerThreshold());
        node.put("suggestThreshold", round(summary.suggestThreshold()));
        return node;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
