package cn.liaison.bots.chat;

import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** What the chat bot needs from the rest of the system; the backend implements each port. */
public final class Ports {

    private Ports() {
    }

    /** Answers a question from the knowledge base (and logs it for the gap report). */
    public interface Knowledge {
        Future<SearchOutcome> ask(String question);
    }

    /** The request loop as the chatting user sees it. */
    public interface Requests {

        /** Creates the request; the same {@code draft.key()} twice returns the first one. */
        Future<RequestSummary> submit(ChatUser user, RequestDraft draft);

        /** The user's own requests, newest first. */
        Future<List<RequestSummary>> mine(ChatUser user, int limit);

        /** 回访评价 with one of the five levels (1 = 非常满意 ... 5 = 非常不满意). */
        Future<RequestSummary> rate(ChatUser user, String requestId, int level, String comment);

        /** 催办 on the user's own open request; fails with {@link Refused} saying why it cannot be done now. */
        default Future<RequestSummary> urge(ChatUser user, String requestId) {
            return Future.failedFuture(new Refused("暂不支持在对话中催办"));
        }
    }

    /** The system declined what the user asked, with a reason the user may read. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Dialogue state with an idle timeout; a missing state is not an error. */
    public interface States {
        Future<Optional<DialogueState>> load(String conversationId);

        Future<Void> save(DialogueState state);
    }

    /** A project's 人防 checklist as the chatting user may see it ("我的项目下一步人防要办什么"). */
    public interface Checklists {
        Future<ProjectSteps> next(ChatUser user, String projectId);
    }

    /** Keeps the transcript of every turn. */
    public interface Transcripts {
        Future<Void> append(DialogueState state, String userText, List<Reply> replies);
    }
}
