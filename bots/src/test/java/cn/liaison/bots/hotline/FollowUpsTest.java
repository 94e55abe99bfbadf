package cn.liaison.bots.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    @Test
    void questionsWithoutASubjectAreFollowUps() {
        for (String q : new String[] {"那要多久？", "收费吗", "需要带什么材料", "这个在哪里办", "那要多长时间呢", "流程是什么"}) {
            assertTrue(FollowUps.elliptical(q), q);
        }
    }

    @Test
    void questionsNamingTheirOwnSubjectAreNot() {
        for (String q : new String[] {"易地建设费多少钱", "那防空地下室报建审批要多久", "人防警报试鸣是哪天"}) {
            assertFalse(FollowUps.elliptical(q), q);
        }
    }

    @Test
    void theAspectIsRecognised() {
        assertEquals(Optional.of(FollowUps.Aspect.TIME), FollowUps.aspect("那要多久？"));
        assertEquals(Optional.of(FollowUps.Aspect.FEE), FollowUps.aspect("收费吗"));
        assertEquals(Optional.of(FollowUps.Aspect.MATERIALS), FollowUps.aspect("需要带什么材料"));
        assertEquals(Optional.of(FollowUps.Aspect.WHERE), FollowUps.aspect("在哪办"));
        assertEquals(Optional.empty(), FollowUps.aspect("人防是什么"));
    }
}
