package cn.liaison.bots.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.content.ForwardRule;
import cn.liaison.kb.index.Decision;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dialogue engine with in-memory ports: no Vert.x server, no stores. */
class ChatBotTest {

    final Map<String, DialogueState> states = new HashMap<>();
    final List<RequestDraft> submitted = new ArrayList<>();
    SearchOutcome next = new SearchOutcome("q", Decision.ABSTAINED, 0.1, List.of(), List.of(), null);

    final ChatBot bot = new ChatBot(
            question -> Future.succeededFuture(next),
            new Ports.Requests() {
                public Future<RequestSummary> submit(ChatUser user, RequestDraft draft) {
                    submitted.add(draft);
                    return Future.succeededFuture(new RequestSummary("r1", "SQ1", "ASSIGNED", "待签收", draft.content(), null, false));
                }

                public Future<List<RequestSummary>> mine(ChatUser user, int limit) {
                    return Future.succeededFuture(List.of());
                }

                public Future<RequestSummary> rate(ChatUser user, String id, int level, String comment) {
                    return Future.failedFuture("not used");
                }
            },
            new Ports.States() {
                public Future<Optional<DialogueState>> load(String id) {
                    return Future.succeededFuture(Optional.ofNullable(states.get(id)));
                }

                public Future<Void> save(DialogueState state) {
                    states.put(state.conversationId(), state);
                    return Future.succeededFuture();
                }
            },
            (state, text, replies) -> Future.succeededFuture());

    final ChatUser user = new ChatUser("u1", "测试", null, null, null, List.of(), List.of("ENTERPRISE"), null);

    Turn say(String conversation, String text) {
        return bot.handle(user, conversation, text).result();
    }

    final Map<String, ProjectSteps> checklists = new HashMap<>();
    final ChatBot withChecklists = new ChatBot(question -> Future.succeededFuture(next), null,
            new Ports.States() {
                public Future<Optional<DialogueState>> load(String id) {
                    return Future.succeededFuture(Optional.ofNullable(states.get(id)));
                }

                public Future<Void> save(DialogueState state) {
                    states.put(state.conversationId(), state);
                    return Future.succeededFuture();
                }
            },
            (state, text, replies) -> Future.succeededFuture(),
            (user, projectId) -> checklists.containsKey(projectId) ? Future.succeededFuture(checklists.get(projectId))
                    : Future.failedFuture("no such project"));

    private String askNext(ChatUser who, String text) {
        return withChecklists.handle(who, null, text).result().replies().stream().map(Reply::plainText)
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void nextStepsComeFromTheProjectsChecklist() {
        checklists.put("p1", new ProjectSteps("p1", "江北物流园", "施工许可", List.of(
                new ProjectSteps.Step("人防工程质量监督（报监）", "施工许可", "办理中", "2026-11-30", true, null),
                new ProjectSteps.Step("人防施工图审查", "施工许可", "未开始", null, false, null)), null, "李娜"));
        checklists.put("p2", new ProjectSteps("p2", "汤泉农旅园", "竣工验收", List.of(),
                "免于配建防空地下室：农村一二三产业融合发展用地免除人防配建义务（免申即享），人防方面没有需要办理的事项。", null));
        ChatUser owner = new ChatUser("u1", "测试", "e1", null, null,
                List.of(new ChatUser.Project("p1", "江北物流园"), new ChatUser.Project("p2", "汤泉农旅园")), List.of("ENTERPRISE"), null);

        String both = askNext(owner, "我的项目下一步人防要办什么");
        assertTrue(both.contains("「江北物流园」目前处于施工许可阶段。人防下一步"), both);
        assertTrue(both.contains("人防工程质量监督（报监）【办理中】") && both.contains("已超过办理期限 2026-11-30"), both);
        assertTrue(both.contains("服务联系人李娜"), both);
        assertTrue(both.contains("「汤泉农旅园」") && both.contains("免于配建"), both);

        String one = askNext(owner, "汤泉农旅园下一步人防要办什么");
        assertFalse(one.contains("江北物流园"), "a named project only: " + one);

        String unbound = askNext(user, "我的项目下一步人防要办什么");
        assertTrue(unbound.contains("还没有关联项目"), unbound);
    }

    @Test
    void generalQuestionsAreNotMistakenForTheProjectChecklist() {
        assertEquals(Intents.Intent.QUESTION, Intents.of("开工前人防要办什么"));
        assertEquals(Intents.Intent.QUESTION, Intents.of("竣工验收人防这块要准备啥"));
        assertEquals(Intents.Intent.NEXT_STEPS, Intents.of("我的项目下一步人防要办什么"));
        assertEquals(Intents.Intent.NEXT_STEPS, Intents.of("我们项目接下来还要办什么"));
    }

    @Test
    void notOursNamesTheDepartment() {
        next = new SearchOutcome("q", Decision.FORWARDED, 0.2, List.of(), List.of(),
                new ForwardRule("市住建局", "025-12345", List.of("商品房预售"), List.of()));
        Turn turn = say(null, "商品房预售许可怎么办");
        Reply.Forward forward = (Reply.Forward) turn.replies().stream().filter(r -> r instanceof Reply.Forward).findFirst().orElseThrow();
        assertEquals("市住建局", forward.department());
    }

    @Test
    void unansweredQuestionCanBeHandedToAPerson() {
        Turn first = say(null, "地下车库的排风要求是什么");
        assertTrue(first.replies().stream().anyMatch(r -> r.plainText().contains("转人工")));
        Turn human = say(first.conversationId(), "转人工");
        assertEquals(DialogueState.Phase.COLLECTING, states.get(human.conversationId()).phase());
        assertEquals("地下车库的排风要求是什么", states.get(human.conversationId()).draft().description(),
                "the question asked becomes the description");
    }

    @Test
    void cancellingDropsTheDraftAndNothingIsSubmitted() {
        Turn t = say(null, "人防门坏了");
        say(t.conversationId(), "取消");
        assertEquals(DialogueState.Phase.IDLE, states.get(t.conversationId()).phase());
        assertTrue(submitted.isEmpty());
    }

    @Test
    void collectingThenConfirmingSubmitsOnce() {
        String c = say(null, "想约人防现场指导").conversationId();
        say(c, "无");
        say(c, "浦口区");
        say(c, "王五");
        Turn confirm = say(c, "021-5555 1234");
        assertInstanceOf(Reply.Form.class, confirm.replies().get(confirm.replies().size() - 1));
        say(c, "好的");
        assertEquals(1, submitted.size());
        assertEquals("0215555" + "1234", submitted.get(0).contactPhone());
        assertEquals("DEMAND", submitted.get(0).type());
        assertEquals("浦口区", submitted.get(0).district());
    }

    /** Issue 15: an unbound user was never asked the district, so every such request went to city review. */
    @Test
    void anUnboundUserIsAskedTheDistrictUnlessAProjectPlacesTheRequest() {
        String c = say(null, "人防门坏了，关不上").conversationId();
        String asked = text(say(c, "无"));
        assertTrue(asked.contains("哪个区"), asked);
        String again = text(say(c, "13812345678"));
        assertTrue(again.contains("不是区名"), again);
        say(c, "江北新区");
        String summary = text(say(c, "王五"));
        assertTrue(summary.contains("所在区：江北新区"), summary);
        say(c, "确认");
        assertEquals("江北新区", submitted.get(0).district());

        ChatUser bound = new ChatUser("u2", "测试", "e1", "李四", "13900001111",
                List.of(new ChatUser.Project("p1", "江北物流园")), List.of("ENTERPRISE"), null);
        String b = bot.handle(bound, null, "人防门坏了，关不上").result().conversationId();
        assertEquals(null, states.get(b).draft().district());
        assertFalse(states.get(b).draft().missing().contains(RequestDraft.DISTRICT), "a bound user's project places it");
    }

    /** Issue 15: "我要投诉" and then what happened was filed as a 诉求 (DEMAND). */
    @Test
    void aComplaintToldInTwoMessagesIsFiledAsAComplaint() {
        String c = say(null, "我要投诉").conversationId();
        say(c, "窗口工作人员态度很差，材料交了三次还说不全");
        assertEquals("COMPLAINT", states.get(c).draft().type(), "我要投诉 starts a complaint");
        String h = say(null, "转人工").conversationId();
        say(h, "窗口工作人员态度很差，材料交了三次还说不全");
        assertEquals("COMPLAINT", states.get(h).draft().type(), "what the user then tells makes it one");
    }

    @Test
    void aPhoneNumberIsNeitherAProjectNorAName() {
        String c = say(null, "人防门坏了，关不上").conversationId();
        String asked = text(say(c, "13812345678"));
        assertTrue(asked.contains("电话号码") && asked.contains("项目"), asked);
        assertEquals(DialogueState.Phase.COLLECTING, states.get(c).phase());
        assertEquals(null, states.get(c).draft().projectName(), "not taken as the project");
        say(c, "无");
        say(c, "浦口区");
        String again = text(say(c, "13912345678"));
        assertTrue(again.contains("联系人"), again);
        String summary = text(say(c, "王五"));
        assertTrue(summary.contains("联系人：王五") && summary.contains("电话：138****5678"), summary);
        assertFalse(summary.contains("13812345678") || summary.contains("13912345678"), "never shown whole: " + summary);
    }

    private static String text(Turn turn) {
        return turn.replies().stream().map(Reply::plainText).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void unknownConversationRestartsPolitely() {
        Turn turn = say("gone-123", "你好");
        assertTrue(turn.restarted());
        assertFalse(turn.conversationId().equals("gone-123"));
        assertTrue(turn.replies().get(0).plainText().contains("重新开始"));
    }
}
