package cn.liaison.bots.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RequestWords;

import org.junit.jupiter.api.Test;

/** What the chat makes of a message before anything is filed. */
class IntentsTest {

    /** Issue 15: a complaint about the office's window staff is a complaint in the chat too, not a 诉求. */
    @Test
    void aComplaintAboutWindowStaffIsAComplaint() {
        assertEquals(Intents.Intent.COMPLAINT, Intents.of("我要投诉，窗口工作人员态度很差"));
        assertEquals(Intents.Intent.COMPLAINT, Intents.of("窗口工作人员态度差，推诿"));
    }

    /**
     * Issue 15: said without the word 投诉, "窗口工作人员态度很差" was a 诉求 (DEMAND) in the chat and
     * when the request loop guessed its type.
     */
    @Test
    void aBadAttitudeIsAComplaintWithoutTheWordComplaint() {
        assertEquals(Intents.Intent.COMPLAINT, Intents.of("窗口工作人员态度很差"));
        assertEquals(RequestType.COMPLAINT, RequestWords.guess("窗口工作人员态度很差，材料交了三次还说不全"));
        assertEquals(RequestType.COMPLAINT, RequestWords.guess("联络员态度恶劣"));
        assertEquals(RequestType.PRAISE, RequestWords.guess("窗口工作人员态度很好，表扬一下"));
    }
}
