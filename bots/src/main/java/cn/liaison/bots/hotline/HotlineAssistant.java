package cn.liaison.bots.hotline;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Source;
import cn.liaison.kb.index.Decision;
import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hotline assist bot: while a caller is on the line, the agent types the question and gets the
 * best three answers with their confidence and sources, a short text to read aloud, the full
 * written notice, and — when the matter is not ours — the department to refer the caller to.
 * Within one call it remembers the subject, so "那要多久？" is answered about the item just
 * discussed.
 */
public final class HotlineAssistant {

    public static final int MAX_ANSWERS = 3;
    /** Longest question accepted; callers' stories are summarised by the agent. */
    public static final int MAX_QUESTION = 500;

    private final KnowledgeSearch knowledge;
    private final CallContextStore contexts;

    public HotlineAssistant(KnowledgeSearch knowledge, CallContextStore contexts) {
        this.knowledge = knowledge;
        this.contexts = contexts;
    }

    /** @param callId optional; with it, turns of the same call share their subject */
    public Future<AssistReply> assist(String question, String callId) {
        String text = question == null ? "" : question.strip();
        if (text.isEmpty() || text.length() > MAX_QUESTION) {
            return Future.failedFuture(new IllegalArgumentException("text"));
        }
        Future<Optional<CallContext>> context = callId == null ? Future.succeededFuture(Optional.empty())
                : contexts.load(callId);
        return context.compose(previous -> answer(text, previous)
                .compose(turn -> remember(callId, text, previous, turn).map(turn.reply())));
    }

    private Future<Turn> answer(String text, Optional<CallContext> previous) {
        Optional<FollowUps.Aspect> aspect = FollowUps.aspect(text);
        boolean followUp = previous.isPresent() && previous.get().entryId() != null && aspect.isPresent()
                && FollowUps.elliptical(text);
        if (!followUp) {
            return knowledge.ask(text).map(outcome -> fresh(outcome));
        }
        CallContext context = previous.get();
        return knowledge.entry(context.entryId()).compose(subject -> subject.isEmpty()
                ? knowledge.ask(text).map(this::fresh)
                : knowledge.ask(subject.get().title() + " " + text)
                        .map(outcome -> followUp(subject.get(), context, aspect.get(), outcome)));
    }

    private Turn fresh(SearchOutcome outcome) {
        AssistReply.Forward forward = outcome.forwardRule()
                .map(rule -> new AssistReply.Forward(rule.department(), rule.phone())).orElse(null);
        List<AssistAnswer> answers = outcome.decision() == Decision.FORWARDED ? List.of() : answers(outcome, null);
        String subject = outcome.answered() ? outcome.best().map(hit -> hit.entry().id()).orElse(null) : null;
        return new Turn(new AssistReply(answers, forward, outcome.decision().name(), false, null), subject,
                outcome.confidence());
    }

    private Turn followUp(Entry subject, CallContext context, FollowUps.Aspect aspect, SearchOutcome outcome) {
        List<AssistAnswer> answers = new ArrayList<>();
        double confidence = outcome.best().filter(hit -> hit.entry().id().equals(subject.id()))
                .map(hit -> Math.max(outcome.confidence(), context.confidence())).orElse(context.confidence());
        answers.add(answer(subject, confidence, EntrySpeech.of(subject, aspect)));
        answers.addAll(answers(outcome, subject.id()));
        List<AssistAnswer> top = answers.subList(0, Math.min(MAX_ANSWERS, answers.size()));
        return new Turn(new AssistReply(top, null, Decision.ANSWERED.name(), true, aspect), subject.id(), confidence);
    }

    private List<AssistAnswer> answers(SearchOutcome outcome, String skip) {
        List<AssistAnswer> out = new ArrayList<>();
        double topScore = outcome.best().map(Hit::score).orElse(1.0);
        for (Hit hit : outcome.hits()) {
            if (out.size() == MAX_ANSWERS || hit.entry().id().equals(skip)) {
                continue;
            }
            double relative = topScore <= 0 ? 0 : Math.min(1, hit.score() / topScore);
            double confidence = round(outcome.confidence() * relative);
            out.add(answer(hit.entry(), confidence, EntrySpeech.of(hit.entry())));
        }
        return out;
    }

    private static AssistAnswer answer(Entry entry, double confidence, String spoken) {
        return new AssistAnswer(entry.id(), entry.title(), entry.topics(), round(confidence), spoken,
                KnowledgeBase.answer(entry), entry.sources().stream().map(Source::title).toList());
    }

    private Future<Void> remember(String callId, String text, Optional<CallContext> previous, Turn turn) {
        if (callId == null) {
            return Future.succeededFuture();
        }
        // A question the knowledge base could not answer does not change the subject of the call.
        String subject = turn.subject() != null ? turn.subject() : previous.map(CallContext::entryId).orElse(null);
        double confidence = turn.subject() != null ? turn.confidence()
                : previous.map(CallContext::confidence).orElse(0.0);
        int turns = previous.map(CallContext::turns).orElse(0) + 1;
        return contexts.save(callId, new CallContext(subject, confidence, text, turns));
    }

    private static double round(double value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
    }

    private record Turn(AssistReply reply, String subject, double confidence) {
    }
}
