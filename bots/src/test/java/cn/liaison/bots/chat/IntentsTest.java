package cn.liaison.bots.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the chat makes of a message before anything is filed. */
class IntentsTest {

    /** Issue 15: a complaint about the office's window staff is a complaint in the chat too, not a 诉求. */
    @Test
    void aComplaintAboutWindowStaffIsAComplaint() {
        assertEquals(Intents.Intent.COMPLAINT, Intents.of("我要投诉，窗口工作人员态度很差"));
        assertEquals(Intents.Intent.COMPLAINT, Intents.of("窗口工作人员态度差，推诿"));
    }
}
