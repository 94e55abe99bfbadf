package cn.liaison.kb;

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

    /**
     * {@code {"q", "answered", "confidence", "results": [{"id", "title", "topics", "score"}],
     * "forward": {"department", "phone"} | null, "decision", "suggestions"}}.
     */
    public static ObjectNode toNode(SearchOutcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("q", outcome.question());
        node.put("answered", outcome.answered());
        node.put("confidence", round(outcome.confidence()));
        ArrayNode results = node.putArray("results");
        for (Hit hit : outcome.hits()) {
            ObjectNode result = results.addObject();
            result.put("id", hit.entry().id());
            result.put("title", hit.entry().title());
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
        return node;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
