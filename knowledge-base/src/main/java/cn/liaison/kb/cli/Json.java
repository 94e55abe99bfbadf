package cn.liaison.kb.cli;

import cn.liaison.kb.OutcomeJson;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.eval.EvalSummary;
import cn.liaison.kb.index.SearchOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of the CLI contract. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode outcome(SearchOutcome outcome) {
        return OutcomeJson.toNode(outcome);
    }

    /** With the composed 一件事 package when the best hit is a scenario (see {@link OutcomeJson}). */
    static ObjectNode outcome(SearchOutcome outcome, Content content) {
        return OutcomeJson.toNode(outcome, content);
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
