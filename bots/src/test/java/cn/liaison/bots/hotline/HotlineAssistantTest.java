package cn.liaison.bots.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assistant over the real bundled knowledge base, with call context kept in memory. */
class HotlineAssistantTest {

    private static KnowledgeBase kb;
    private final Map<String, CallContext> memory = new ConcurrentHashMap<>();
    private HotlineAssistant assistant;

    @BeforeAll
    static void openKnowledgeBase() {
        kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.defaults());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    private HotlineAssistant assistant() {
        if (assistant == null) {
            assistant = new HotlineAssistant(new KnowledgeSearch() {
                public Future<SearchOutcome> ask(String question) {
                    return Future.succeededFuture(kb.ask(question));
                }

                public Future<Optional<Entry>> entry(String entryId) {
                    return Future.succeededFuture(kb.entry(entryId));
                }
            }, new CallContextStore() {
                public Future<Optional<CallContext>> load(String callId) {
                    return Future.succeededFuture(Optional.ofNullable(memory.get(callId)));
                }

                public Future<Void> save(String callId, CallContext context) {
                    memory.put(callId, context);
                    return Future.succeededFuture();
                }
            });
        }
        return assistant;
    }

    private AssistReply ask(String text, String callId) throws Exception {
        return assistant().assist(text, callId).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aServiceItemQuestionGetsTopThreeWithSpokenTextAndTheFullNotice() throws Exception {
        AssistReply reply = ask("人防易地建设审批怎么申请", null);
        assertEquals("ANSWERED", reply.decision());
        assertTrue(reply.answers().size() <= 3 && !reply.answers().isEmpty());
        AssistAnswer first = reply.answers().get(0);
        assertEquals("item-offsite-approval", first.entryId());
        assertTrue(first.confidence() > 0.5, "confidence " + first.confidence());
        assertTrue(first.spoken().contains("二十个工作日"), first.spoken());
        assertFalse(first.spoken().matches("(?s).*[0-9#*].*"), first.spoken());
        assertTrue(first.notice().contains("申请材料") && first.notice().contains("办理时限"), first.notice());
        assertFalse(first.sources().isEmpty());
        for (int i = 1; i < reply.answers().size(); i++) {
            assertTrue(reply.answers().get(i).confidence() <= first.confidence());
        }
        assertNull(reply.forward());
    }

    @Test
    void anotherDepartmentsMatterNamesItsPhone() throws Exception {
        AssistReply reply = ask("公司营业执照怎么办理", null);
        assertNotNull(reply.forward(), reply.toString());
        assertEquals("市场监督管理局", reply.forward().department());
        assertEquals("12315", reply.forward().phone());
    }

    @Test
    void aFollowUpWithinTheCallAnswersAboutTheSameItem() throws Exception {
        AssistReply first = ask("人防易地建设审批怎么申请", "call-1");
        assertEquals("item-offsite-approval", first.answers().get(0).entryId());
        AssistReply again = ask("那要多久？", "call-1");
        assertTrue(again.followUp());
        assertEquals(FollowUps.Aspect.TIME, again.aspect());
        assertEquals("item-offsite-approval", again.answers().get(0).entryId());
        assertTrue(again.answers().get(0).spoken().contains("二十个工作日"), again.answers().get(0).spoken());
        AssistReply fee = ask("收费吗", "call-1");
        assertTrue(fee.answers().get(0).spoken().contains("审批不收费"), fee.answers().get(0).spoken());
        assertEquals(3, memory.get("call-1").turns());
    }

    @Test
    void theSameWordsOnAnotherCallAreNotAFollowUp() throws Exception {
        ask("人防易地建设审批怎么申请", "call-2");
        AssistReply other = ask("那要多久？", "call-3");
        assertFalse(other.followUp());
    }

    @Test
    void aQuestionNamingANewSubjectChangesTheSubject() throws Exception {
        ask("人防易地建设审批怎么申请", "call-4");
        AssistReply fee = ask("易地建设费的收费标准是多少", "call-4");
        assertFalse(fee.followUp(), fee.toString());
    }
}
