package cn.liaison.kb;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.scenario.PackageMaps;
import cn.liaison.kb.scenario.Scenarios;
import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.SearchOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The JSON of one answer, shared by {@code kb-cli ask} and the service's
 * {@code GET /api/v1/kb/answer} so that both speak the same contract.
 */
public final class OutcomeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {
    }

    /** The outcome as one line of JSON. */
    public static String toJson(SearchOutcome outcome) {
        return toNode(outcome).toString();
    }

    /** As {@link #toJson(SearchOutcome)}, with the composed 一件事 package when the best hit is a scenario. */
    public static String toJson(SearchOutcome outcome, Content content) {
        return toNode(outcome, content).toString();
    }

    public static ObjectNode toNode(SearchOutcome outcome) {
        return toNode(outcome, null);
    }

    /**
     * {@code {"q", "answered", "confidence", "results": [{"id", "title", "topics", "score"}],
     * "forward": {"department", "phone"} | null, "decision", "suggestions"}}, plus {@code "kind"} on each
     * result and for the best hit, and {@code "package"} when the best hit is a scenario and
     * {@code content} is given.
     */
    public static ObjectNode toNode(SearchOutcome outcome, Content content) {
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
        node.put("decision", outcome.decision().name().toLowerCase(Locale.ROOT));
        ArrayNode suggestions = node.putArray("suggestions");
        outcome.suggestions().forEach(suggestions::add);
        node.put("kind", outcome.best().map(hit -> hit.entry().kind().code()).orElse(null));
        if (content != null) {
            outcome.best().flatMap(hit -> Scenarios.of(content, hit.entry()))
                    .ifPresent(pkg -> node.set("package", MAPPER.valueToTree(PackageMaps.full(pkg))));
        }
        return node;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
