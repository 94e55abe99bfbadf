package cn.liaison.bots.hotline;

/** Reads numbers the way a Chinese speaker says them: 20 → 二十, 1000 → 一千, 10012 → 一万零一十二. */
public final class ChineseNumbers {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String[] SMALL_UNITS = {"", "十", "百", "千"};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseNumbers() {
    }

    /** A whole number as a quantity (二十, 一百零五, 十二万). */
    public static String integer(long value) {
        if (value < 0) {
            return "负" + integer(-value);
        }
        if (value == 0) {
            return "零";
        }
        String spoken = groups(value);
        return spoken.startsWith("一十") ? spoken.substring(1) : spoken;
    }

    /** A decimal number as a quantity: 0.5 → 零点五, 3.25 → 三点二五. */
    public static String decimal(String digits) {
        int dot = digits.indexOf('.');
        if (dot < 0) {
            return integer(Long.parseLong(digits));
        }
        String whole = dot == 0 ? "0" : digits.substring(0, dot);
        String fraction = digits.substring(dot + 1);
        String head = integer(Long.parseLong(whole));
        return fraction.isEmpty() ? head : head + "点" + digitByDigit(fraction, false);
    }

    /**
     * Digit by digit, as years and phone numbers are read: 2026 → 二〇二六; in a phone number one is
     * said 幺 so it cannot be misheard as seven (12345 → 幺二三四五).
     */
    public static String digitByDigit(String digits, boolean phone) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (c < '0' || c > '9') {
                continue;
            }
            if (c == '0') {
                out.append(phone ? '零' : '〇');
            } else if (c == '1' && phone) {
                out.append('幺');
            } else {
                out.append(DIGITS.charAt(c - '0'));
            }
        }
        return out.toString();
    }

    private static String groups(long value) {
        if (value >= YI) {
            long rest = value % YI;
            return groups(value / YI) + "亿" + (rest == 0 ? "" : (rest < 10_000_000L ? "零" : "") + groups(rest));
        }
        if (value >= WAN) {
            long rest = value % WAN;
            return section((int) (value / WAN)) + "万" + (rest == 0 ? "" : (rest < 1000 ? "零" : "") + section((int) rest));
        }
        return section((int) value);
    }

    /** 1..9999 with 千百十 and one 零 for each run of inner zeros. */
    private static String section(int value) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int position = 3; position >= 0; position--) {
            int divisor = (int) Math.pow(10, position);
            int digit = value / divisor % 10;
            if (digit == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS.charAt(digit)).append(SMALL_UNITS[position]);
        }
        return out.toString();
    }
}
