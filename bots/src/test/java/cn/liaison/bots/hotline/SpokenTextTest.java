package cn.liaison.bots.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpokenTextTest {

    @Test
    void numbersAreReadAsQuantities() {
        assertEquals("零", ChineseNumbers.integer(0));
        assertEquals("七", ChineseNumbers.integer(7));
        assertEquals("十二", ChineseNumbers.integer(12));
        assertEquals("二十", ChineseNumbers.integer(20));
        assertEquals("一百零五", ChineseNumbers.integer(105));
        assertEquals("一百一十二", ChineseNumbers.integer(112));
        assertEquals("一千", ChineseNumbers.integer(1000));
        assertEquals("一千七百", ChineseNumbers.integer(1700));
        assertEquals("一千零五十", ChineseNumbers.integer(1050));
        assertEquals("一万零一十二", ChineseNumbers.integer(10012));
        assertEquals("十万", ChineseNumbers.integer(100_000));
        assertEquals("五万零三百", ChineseNumbers.integer(50_300));
        assertEquals("三点二五", ChineseNumbers.decimal("3.25"));
    }

    @Test
    void workingDaysAreSpokenWithoutDigits() {
        assertEquals("二十个工作日", SpokenText.speakNumbers("20 个工作日"));
        assertEquals("法定二十个工作日，承诺七个工作日。", SpokenText.of("法定 20 个工作日，承诺 7 个工作日"));
    }

    @Test
    void areasPricesAndPercentagesAreSpoken() {
        assertEquals("一千平方米", SpokenText.speakNumbers("1000 m²"));
        assertEquals("一千平方米", SpokenText.speakNumbers("1000㎡"));
        assertEquals("一千七百元每平方米", SpokenText.speakNumbers("1700 元/m²"));
        assertEquals("百分之五十", SpokenText.speakNumbers("50%"));
        assertEquals("不足三米", SpokenText.speakNumbers("不足 3 米"));
        assertEquals("埋深三米", SpokenText.speakNumbers("埋深 3 m"));
        assertEquals("十万元", SpokenText.speakNumbers("100,000 元"));
        assertEquals("一万到五万元", SpokenText.speakNumbers("10000-50000 元"));
    }

    @Test
    void datesYearsAndPhoneNumbersAreReadDigitByDigit() {
        assertEquals("二〇二六年一月一日", SpokenText.speakNumbers("2026-01-01"));
        assertEquals("二〇二六年十二月十三日", SpokenText.speakNumbers("2026年12月13日"));
        assertEquals("每年十二月十三日", SpokenText.speakNumbers("每年 12 月 13 日"));
        assertEquals("国发二〇一六年二十九号", SpokenText.speakNumbers("国发〔2016〕29号"));
        assertEquals("请拨打幺二三四五", SpokenText.speakNumbers("请拨打 12345"));
        assertEquals("零二五，八三六幺幺二三四", SpokenText.speakNumbers("025-83611234"));
    }

    @Test
    void markdownIsRemovedAndSentencesStayShort() {
        String spoken = SpokenText.of("## 易地建设\n\n**时限**：法定 20 个工作日；见[指南](https://example.org/x)。\n"
                + "- 申请表\n- 勘察报告\n\n> 提示：以南京规定为准\n");
        assertFalse(spoken.contains("#"), spoken);
        assertFalse(spoken.contains("*"), spoken);
        assertFalse(spoken.contains("http"), spoken);
        assertFalse(spoken.matches(".*\\d.*"), spoken);
        assertTrue(spoken.startsWith("易地建设。时限：法定二十个工作日。见指南。申请表。勘察报告。"), spoken);
        for (String sentence : spoken.split("。")) {
            assertTrue(sentence.length() <= 40, sentence);
        }
    }

    @Test
    void longTextIsCutAtASentenceEnd() {
        String spoken = SpokenText.of("这是一句话。".repeat(100));
        assertTrue(spoken.length() <= SpokenText.MAX_CHARS, spoken);
        assertTrue(spoken.endsWith("。"));
    }
}
