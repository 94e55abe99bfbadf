package cn.liaison.bots.hotline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns written answer text into something an agent can read aloud: no Markdown, no links, short
 * sentences, and numbers, dates, percentages and units written the way they are said
 * ("20 个工作日" → "二十个工作日", "1000 m²" → "一千平方米", "2026-01-01" → "二〇二六年一月一日",
 * "12345" → "幺二三四五").
 */
public final class SpokenText {

    /** Longer than this and a listener loses the thread; the agent has the full notice on screen. */
    public static final int MAX_CHARS = 180;
    /** A sentence longer than this is split at its commas. */
    private static final int LONG_SENTENCE = 40;

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月)?(?:\\s*(\\d{1,2})\\s*日)?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern BRACKET_YEAR = Pattern.compile("[〔\\[(（](\\d{4})[〕\\])）]");
    private static final Pattern DASHED_PHONE = Pattern.compile("(?<!\\d)(0\\d{2,3})-(\\d{7,8})(?!\\d)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[-–~～至]\\s*(?=\\d)");
    private static final Pattern PER_AREA = Pattern.compile("\\s*元\\s*/\\s*(?:m²|㎡|m2|平方米|平米)");
    private static final Pattern AREA = Pattern.compile("\\s*(?:m²|㎡|m2|平米)(?![a-zA-Z])");
    private static final Pattern UNIT = Pattern.compile("(\\d)\\s*(km|kg|cm|mm|m|h)(?![a-zA-Z²])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d.])(\\d{5,})(?![\\d.])(?!\\s*[元米平个人户万亿天年月日份台套件次到至多余])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d{1,12}(?:\\.\\d+)?)(?![\\d])");
    private static final Pattern THOUSANDS = Pattern.compile("(\\d),(?=\\d{3}(?!\\d))");

    private SpokenText() {
    }

    /** The whole text made speakable and cut to about {@link #MAX_CHARS} characters at a sentence end. */
    public static String of(String written) {
        return shorten(sentences(speakNumbers(plain(written))), MAX_CHARS);
    }

    /** Markdown and links removed; headings become sentences, list items become clauses. */
    static String plain(String markdown) {
        List<String> parts = new ArrayList<>();
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            line = line.replaceFirst("^#{1,6}\\s*", "")
                    .replaceFirst("^>\\s*", "")
                    .replaceFirst("^[-*+]\\s+", "")
                    .replaceFirst("^\\d+[.)、]\\s*", "");
            line = LINK.matcher(line).replaceAll("$1");
            line = URL.matcher(line).replaceAll("");
            line = line.replace("**", "").replace("__", "").replace("`", "").replace("【", "").replace("】", "");
            line = line.replaceAll("[（(]\\s*[）)]", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            char last = line.charAt(line.length() - 1);
            parts.add("。；！？：，".indexOf(last) >= 0 ? line.replaceFirst("[：:，]$", "。") : line + "。");
        }
        return String.join("", parts);
    }

    /** Numbers, dates, percentages and units as they are said. */
    public static String speakNumbers(String text) {
        String out = THOUSANDS.matcher(text).replaceAll("$1");
        out = replace(ISO_DATE, out, m -> date(m.group(1), m.group(2), m.group(3)));
        out = replace(CN_DATE, out, m -> date(m.group(1), m.group(2), m.group(3)));
        out = replace(MONTH_DAY, out, m -> ChineseNumbers.integer(Long.parseLong(m.group(1))) + "月"
                + ChineseNumbers.integer(Long.parseLong(m.group(2))) + "日");
        out = replace(BRACKET_YEAR, out, m -> ChineseNumbers.digitByDigit(m.group(1), false) + "年");
        out = replace(DASHED_PHONE, out, m -> ChineseNumbers.digitByDigit(m.group(1), true) + "，"
                + ChineseNumbers.digitByDigit(m.group(2), true));
        out = replace(PERCENT, out, m -> "百分之" + ChineseNumbers.decimal(m.group(1)));
        out = replace(RANGE, out, m -> m.group(1) + "到");
        out = PER_AREA.matcher(out).replaceAll("元每平方米");
        out = AREA.matcher(out).replaceAll("平方米");
        out = replace(UNIT, out, m -> m.group(1) + switch (m.group(2)) {
            case "km" -> "公里";
            case "kg" -> "公斤";
            case "cm" -> "厘米";
            case "mm" -> "毫米";
            case "h" -> "小时";
            default -> "米";
        });
        out = replace(PHONE, out, m -> ChineseNumbers.digitByDigit(m.group(1), true));
        out = replace(NUMBER, out, m -> ChineseNumbers.decimal(m.group(1)));
        // Spaces around numbers were for the eye; spoken Chinese has none.
        return out.replaceAll("(?<=[\\u4e00-\\u9fff])\\s+(?=[\\u4e00-\\u9fff])", "");
    }

    private static String date(String year, String month, String day) {
        StringBuilder out = new StringBuilder(ChineseNumbers.digitByDigit(year, false)).append('年');
        if (month != null) {
            out.append(ChineseNumbers.integer(Long.parseLong(month))).append('月');
        }
        if (day != null) {
            out.append(ChineseNumbers.integer(Long.parseLong(day))).append('日');
        }
        return out.toString();
    }

    /** Short sentences: semicolons end sentences, and long ones are split at their commas. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : text.replace('；', '。').replace(';', '。').split("(?<=[。！？])")) {
            String s = sentence.strip();
            if (s.isEmpty() || s.equals("。")) {
                continue;
            }
            if (s.length() <= LONG_SENTENCE) {
                out.add(s);
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String clause : s.split("(?<=，)")) {
                if (current.length() + clause.length() > LONG_SENTENCE && current.length() > 0) {
                    out.add(current.substring(0, current.length() - 1) + "。");
                    current.setLength(0);
                }
                current.append(clause);
            }
            if (current.length() > 0) {
                out.add(current.toString());
            }
        }
        return out;
    }

    static String shorten(List<String> sentences, int max) {
        StringBuilder out = new StringBuilder();
        for (String s : sentences) {
            if (out.length() > 0 && out.length() + s.length() > max) {
                break;
            }
            out.append(s);
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> spoken) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(spoken.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
