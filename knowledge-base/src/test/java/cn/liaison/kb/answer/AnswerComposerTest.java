package cn.liaison.kb.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.Fixtures;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import org.junit.jupiter.api.Test;

class AnswerComposerTest {
    private static final Content CONTENT = ContentLoader.load(Fixtures.fixtureKb());

    private static String answer(String id) {
        return AnswerComposer.compose(CONTENT.entry(id).orElseThrow());
    }

    @Test
    void itemTellsEverythingAtOnce() {
        String text = answer("item-basement-permit");
        assertTrue(text.contains("### 申请材料"), text);
        assertTrue(text.contains("1. 建设项目防空地下室报建审批申请表（原件，1份）：加盖建设单位公章"), text);
        assertTrue(text.contains("2. 建设工程规划许可证（复印件，1份）"), text);
        assertTrue(text.contains("法定代表人身份证明（复印件，1份）【可容缺】"), text);
        assertTrue(text.contains("1. 网上申报\n2. 窗口受理\n3. 审查决定"), text);
        assertTrue(text.contains("- 法定时限：20个工作日"), text);
        assertTrue(text.contains("- 承诺时限：5个工作日"), text);
        assertTrue(text.contains("### 收费标准\n不收费"), text);
        assertTrue(text.contains("- 《中华人民共和国人民防空法》第二十二条、第二十三条"), text);
        assertTrue(text.contains("- 窗口办理：市政务服务中心人防窗口"), text);
        assertTrue(text.contains("- 网上办理：江苏政务服务网（https://www.jszwfw.gov.cn/）"), text);
        assertFalse(text.contains("各地规定"), "a Nanjing entry needs no regional caveat");
    }

    @Test
    void unknownTimeLimitAndOnlineOnlyItem() {
        String text = answer("item-quality-supervision");
        assertTrue(text.contains("- 法定时限：以受理窗口告知为准"), text);
        assertTrue(text.contains("- 承诺时限：3个工作日"), text);
        assertFalse(text.contains("窗口办理"), text);
        assertFalse(text.contains("【可容缺】"), text);
    }

    @Test
    void entryFromAnotherRegionSaysRulesVary() {
        String text = answer("item-offsite-approval");
        assertTrue(text.contains("依据河南的规定整理，各地规定和执行时间不同"), text);
        assertTrue(text.contains("易地建设申请表（原件，2份）"), text);
    }

    @Test
    void otherKindsGiveTheirAnswerAndSources() {
        String text = answer("topic-alarm");
        assertTrue(text.startsWith("## 防空警报信号怎么识别\n\n防空警报分预先警报"), text);
        assertFalse(text.contains("### 申请材料"), text);
        assertTrue(text.contains("来源：人民防空警报信号规定"), text);
    }
}
