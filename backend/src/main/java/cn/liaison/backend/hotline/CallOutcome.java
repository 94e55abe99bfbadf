package cn.liaison.backend.hotline;

import cn.liaison.backend.request.NewRequest;

/**
 * How a call ended, as the agent records it.
 *
 * @param answeredDirectly the caller's question was answered on the call (直接答复)
 * @param entryId          the knowledge-base entry the answer came from, if any
 * @param question         the caller's main question when the assistant was not asked; optional
 * @param createRequest    a request to open on channel HOTLINE; null for none
 */
record CallOutcome(boolean answeredDirectly, String entryId, String question, NewRequest createRequest) {
    CallOutcome {
        question = question == null || question.isBlank() ? null : question.strip();
    }
}
