package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a guiding case reads like once the enterprise and its people are taken out. */
class GuidingCasesTest {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("南京江浦示范置业有限公司", GuidingCases.ENTERPRISE);
        NAMES.put("江浦示范花园一期住宅项目", GuidingCases.PROJECT);
        NAMES.put("周强", GuidingCases.PERSON);
    }

    @Test
    void aPersonIsNotTurnedIntoAnEnterprise() {
        assertEquals("我是某企业的某某", GuidingCases.anonymous("我是南京江浦示范置业有限公司的周强", NAMES));
        assertEquals("某项目人防门关不严", GuidingCases.anonymous("江浦示范花园一期住宅项目人防门关不严", NAMES));
    }

    @Test
    void aPhoneInBracketsGetsOneNoteNotTwoBrackets() {
        assertEquals("请联系某某（电话已隐去）", GuidingCases.anonymous("请联系周强（13812345678）", NAMES));
        assertEquals("请联系某某（电话已隐去）", GuidingCases.anonymous("请联系周强(13812345678)", NAMES));
        assertEquals("电话（电话已隐去）", GuidingCases.anonymous("电话13812345678", NAMES));
    }

    @Test
    void anUnknownContactIsStillHidden() {
        assertEquals("联系人某某，已到场", GuidingCases.anonymous("联系人王小五，已到场", NAMES));
        assertEquals("联系人某某（电话已隐去）", GuidingCases.anonymous("联系人周强 13812345678", NAMES));
    }
}
